<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_domain_identity</name>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 码为 4 至 8 位数字。</translation>
    </message>
    <message>
        <source>A password needs at least {count} characters.</source>
        <translation>密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The account of {name} is deactivated.</source>
        <translation>{name} 的账户已停用。</translation>
    </message>
    <message>
        <source>The account of {name} is locked after repeated wrong entries; try again in {count} minute or ask an administrator.</source>
        <translation>{name} 的账户因多次输入错误已被锁定；请 {count} 分钟后再试，或联系管理员。</translation>
    </message>
    <message>
        <source>The account of {name} is locked after repeated wrong entries; try again in {count} minutes or ask an administrator.</source>
        <translation>{name} 的账户因多次输入错误已被锁定；请 {count} 分钟后再试，或联系管理员。</translation>
    </message>
    <message>
        <source>There is no user &apos;{username}&apos;.</source>
        <translation>没有用户“{username}”。</translation>
    </message>
    <message>
        <source>Unknown signature meaning &apos;{meaning}&apos;.</source>
        <translation>未知的签名含义“{meaning}”。</translation>
    </message>
    <message>
        <source>Unknown signing method &apos;{method}&apos;.</source>
        <translation>未知的签名方式“{method}”。</translation>
    </message>
    <message>
        <source>Wrong PIN for {name}.</source>
        <translation>{name} 的 PIN 码错误。</translation>
    </message>
    <message>
        <source>Wrong password for {name}.</source>
        <translation>{name} 的密码错误。</translation>
    </message>
    <message>
        <source>{name} has no PIN; use the password.</source>
        <translation>{name} 没有 PIN 码；请使用密码。</translation>
    </message>
</context>
<context>
    <name>_domain_key_admin</name>
    <message>
        <source>A revocation takes effect now or from a past moment.</source>
        <translation>吊销只能从现在或过去的某一时刻起生效。</translation>
    </message>
    <message>
        <source>Cannot write the key into {directory}: {problem}.</source>
        <translation>无法将密钥写入 {directory}：{problem}。</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {count} characters: whoever finds the exported file can try passphrases as fast as their computer allows.</source>
        <translation>请选择至少 {count} 个字符的口令：任何拿到导出文件的人都可以用其计算机所能达到的最快速度尝试口令。</translation>
    </message>
    <message>
        <source>Say why the key is revoked.</source>
        <translation>请说明吊销密钥的原因。</translation>
    </message>
    <message>
        <source>That file is {problem}.</source>
        <translation>该文件：{problem}。</translation>
    </message>
    <message>
        <source>That is not an institution certificate (it is not self-signed).</source>
        <translation>这不是机构证书（它不是自签名的）。</translation>
    </message>
    <message>
        <source>That key is not the institution key of this database (certificate {fingerprint}); nothing was written.</source>
        <translation>该密钥不是此数据库的机构密钥（证书 {fingerprint}）；未写入任何内容。</translation>
    </message>
    <message>
        <source>The certificate&apos;s fingerprint is {fingerprint}, not the one confirmed: do not trust it until the partner confirms it.</source>
        <translation>该证书的指纹是 {fingerprint}，与已核对的指纹不符：在合作机构确认之前不要信任它。</translation>
    </message>
    <message>
        <source>This certificate is already trusted for {institution}.</source>
        <translation>该证书已作为 {institution} 的证书受信任。</translation>
    </message>
    <message>
        <source>This database has no institution certificate yet: make one with &apos;{command}&apos; instead.</source>
        <translation>此数据库尚无机构证书：请改用“{command}”创建。</translation>
    </message>
    <message>
        <source>{institution} is this installation&apos;s own institution.</source>
        <translation>{institution} 是本站点自己的机构。</translation>
    </message>
    <message>
        <source>{name} has no signing key to revoke.</source>
        <translation>{name} 没有可吊销的签名密钥。</translation>
    </message>
</context>
<context>
    <name>_domain_keys</name>
    <message>
        <source>No single certificate has the fingerprint {fingerprint}.</source>
        <translation>没有唯一一个证书的指纹为 {fingerprint}。</translation>
    </message>
    <message>
        <source>The signing key of {name} was revoked on {date}: an administrator must reset their password before they can sign again.</source>
        <translation>{name} 的签名密钥已于 {date} 吊销：须由管理员重置其密码后才能再次签名。</translation>
    </message>
    <message>
        <source>This computer does not hold the institution key of {institution} (certificate {fingerprint}): copy it here with &apos;{command}&apos;, or work on the computer that holds it.</source>
        <translation>本计算机没有 {institution} 的机构密钥（证书 {fingerprint}）：请用“{command}”将其复制到本机，或在持有该密钥的计算机上操作。</translation>
    </message>
    <message>
        <source>This database has no institution key yet: an administrator makes one with &apos;{command}&apos; (or Institutions &gt; Keys).</source>
        <translation>此数据库尚无机构密钥：请管理员用“{command}”（或“机构 &gt; 机构密钥”）创建。</translation>
    </message>
    <message>
        <source>This installation has an institution key already; rotate it to replace it.</source>
        <translation>本站点已有机构密钥；如需替换，请轮换密钥。</translation>
    </message>
</context>
<context>
    <name>_domain_registry</name>
    <message>
        <source>A mass correction is a whole number of micrograms.</source>
        <translation>质量更正必须是整数微克。</translation>
    </message>
    <message>
        <source>A password is needed: only a courier (and nothing else) may have just a PIN.</source>
        <translation>需要密码：只有押运员（且无其他角色）可以只有 PIN 码。</translation>
    </message>
    <message>
        <source>A person has no field &apos;{field}&apos;.</source>
        <translation>人员没有字段“{field}”。</translation>
    </message>
    <message>
        <source>A user name has no spaces.</source>
        <translation>用户名不能含空格。</translation>
    </message>
    <message>
        <source>Aliquot {number}</source>
        <translation>分样 {number}</translation>
    </message>
    <message>
        <source>Aliquot {number} cannot be split further: the child number {child} would be longer than {limit} characters.</source>
        <translation>分样 {number} 不能再分装：子分样编号 {child} 将超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Aliquot {number} does not belong to sample {sample}.</source>
        <translation>分样 {number} 不属于样品 {sample}。</translation>
    </message>
    <message>
        <source>Aliquot {number} exists already.</source>
        <translation>分样 {number} 已存在。</translation>
    </message>
    <message>
        <source>Aliquot {number} holds only {held}; {mass} cannot be consumed.</source>
        <translation>分样 {number} 仅有 {held}；不能消耗 {mass}。</translation>
    </message>
    <message>
        <source>Aliquot {number} holds {held}; a correction of {delta} would make it negative.</source>
        <translation>分样 {number} 有 {held}；更正 {delta} 会使其成为负数。</translation>
    </message>
    <message>
        <source>Aliquot {number} holds {held}; the children would take {wanted}.</source>
        <translation>分样 {number} 有 {held}；子分样共需 {wanted}。</translation>
    </message>
    <message>
        <source>Aliquot {number} is registered already.</source>
        <translation>分样 {number} 已登记。</translation>
    </message>
    <message>
        <source>An institution has no field &apos;{field}&apos;.</source>
        <translation>机构没有字段“{field}”。</translation>
    </message>
    <message>
        <source>An institution is a {kinds}.</source>
        <translation>机构类型须为：{kinds}。</translation>
    </message>
    <message>
        <source>An institution is one of: {kinds}.</source>
        <translation>机构类型须为以下之一：{kinds}。</translation>
    </message>
    <message>
        <source>An institution with the code {code} exists already.</source>
        <translation>代码为 {code} 的机构已存在。</translation>
    </message>
    <message>
        <source>Give one container for all the children, or one for each child in the order of their masses: {count} container, not {given}.</source>
        <translation>请为所有子分样给出一个容器，或按其质量的顺序为每个子分样各给出一个：应为 {count} 个容器，而不是 {given} 个。</translation>
    </message>
    <message>
        <source>Give one container for all the children, or one for each child in the order of their masses: {count} containers, not {given}.</source>
        <translation>请为所有子分样给出一个容器，或按其质量的顺序为每个子分样各给出一个：应为 {count} 个容器，而不是 {given} 个。</translation>
    </message>
    <message>
        <source>Give one seal number for all the children, or one for each child in the order of their masses: {count} seal number, not {given}.</source>
        <translation>请为所有子分样给出一个封签号，或按其质量的顺序为每个子分样各给出一个：应为 {count} 个封签号，而不是 {given} 个。</translation>
    </message>
    <message>
        <source>Give one seal number for all the children, or one for each child in the order of their masses: {count} seal numbers, not {given}.</source>
        <translation>请为所有子分样给出一个封签号，或按其质量的顺序为每个子分样各给出一个：应为 {count} 个封签号，而不是 {given} 个。</translation>
    </message>
    <message>
        <source>Give the mass of at least one child aliquot.</source>
        <translation>请至少给出一个子分样的质量。</translation>
    </message>
    <message>
        <source>Sample {number} belongs to another institution.</source>
        <translation>样品 {number} 属于其他机构。</translation>
    </message>
    <message>
        <source>Sample {number} has {original}; {registered} is already registered in aliquots.</source>
        <translation>样品 {number} 有 {original}；已有 {registered} 登记为分样。</translation>
    </message>
    <message>
        <source>Sample {number} is registered already.</source>
        <translation>样品 {number} 已登记。</translation>
    </message>
    <message>
        <source>Samples are registered by the lending curation facility.</source>
        <translation>样品由出借方的样品管理机构登记。</translation>
    </message>
    <message>
        <source>The aliquots of {sample} add up to {total}, more than the sample&apos;s {original}.</source>
        <translation>{sample} 的各分样合计 {total}，超过了样品的 {original}。</translation>
    </message>
    <message>
        <source>The user name &apos;{username}&apos; is taken.</source>
        <translation>用户名“{username}”已被占用。</translation>
    </message>
    <message>
        <source>The {what} contains control characters.</source>
        <translation>{what}含有控制字符。</translation>
    </message>
    <message>
        <source>The {what} is longer than {limit} characters.</source>
        <translation>{what}超过了 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The {what} is required.</source>
        <translation>{what}为必填项。</translation>
    </message>
    <message>
        <source>There is no custody event #{event}.</source>
        <translation>没有保管事件 #{event}。</translation>
    </message>
    <message>
        <source>There is no sample &apos;{number}&apos;.</source>
        <translation>没有样品“{number}”。</translation>
    </message>
    <message>
        <source>This database already has users; sign in instead.</source>
        <translation>此数据库已有用户；请直接登录。</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>consumed mass</source>
        <translation>消耗质量</translation>
    </message>
    <message>
        <source>container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <source>form</source>
        <translation>形态</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>institution code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>institution name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>landmark</source>
        <translation>地标</translation>
    </message>
    <message>
        <source>local-script name</source>
        <translation>本地文字名称</translation>
    </message>
    <message>
        <source>mass correction</source>
        <translation>质量更正</translation>
    </message>
    <message>
        <source>mass of a child aliquot</source>
        <translation>子分样的质量</translation>
    </message>
    <message>
        <source>mass of {number}</source>
        <translation>{number} 的质量</translation>
    </message>
    <message>
        <source>mission</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>original mass of {number}</source>
        <translation>{number} 的原始质量</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>sample subtype</source>
        <translation>样品亚类</translation>
    </message>
    <message>
        <source>sample type</source>
        <translation>样品类型</translation>
    </message>
    <message>
        <source>seal number</source>
        <translation>封签号</translation>
    </message>
    <message>
        <source>station</source>
        <translation>采样站</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>{name} is the last active administrator: make someone else an administrator first.</source>
        <translation>{name} 是最后一位启用中的管理员：请先将其他人设为管理员。</translation>
    </message>
</context>
<context>
    <name>_domain_rules</name>
    <message>
        <source>Aliquot {aliquot} is already on another open loan.</source>
        <translation>分样 {aliquot} 已在另一项未结束的借样中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is already on open loan {loan}.</source>
        <translation>分样 {aliquot} 已在未结束的借样 {loan} 中。</translation>
    </message>
    <message>
        <source>Only the lender&apos;s curators may correct the ledger.</source>
        <translation>只有出借方的样品管理员可以更正保管台账。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
</context>
</TS>
