<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_keys_dialogs</name>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始时间(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>机构(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Ask the partner to read their certificate&apos;s fingerprint aloud (or compare it with the one printed on an agreement they signed) and type what they read. The certificate is trusted only if the two match.</source>
        <translation>请合作机构朗读其证书指纹（或与其签署的协议上印有的指纹对照），并输入所读内容。两者一致时才信任该证书。</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>证书文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the certificate file the partner sent.</source>
        <translation>请选择合作机构发来的证书文件。</translation>
    </message>
    <message>
        <source>Choose whose key to revoke.</source>
        <translation>请选择要吊销谁的密钥。</translation>
    </message>
    <message>
        <source>Fingerprint the &amp;partner read out:</source>
        <translation>合作机构读出的指纹(&amp;P)：</translation>
    </message>
    <message>
        <source>Import a partner&apos;s certificate</source>
        <translation>导入合作机构的证书</translation>
    </message>
    <message>
        <source>Local time. A past moment when the key was lost or they left.</source>
        <translation>本地时间。可填过去的时刻：密钥丢失或其离职之时。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Revoke a person&apos;s key</source>
        <translation>吊销人员的密钥</translation>
    </message>
    <message>
        <source>That file is {problem}.</source>
        <translation>该文件有问题：{problem}。</translation>
    </message>
    <message>
        <source>The file&apos;s fingerprint:</source>
        <translation>文件中的指纹：</translation>
    </message>
    <message>
        <source>The partner&apos;s certificate</source>
        <translation>合作机构的证书</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <source>What they signed before this moment stays valid; a signature claiming to be made from then on is refused.</source>
        <translation>此时刻之前的签名仍然有效；声称在此后所作的签名将被拒绝。</translation>
    </message>
    <message>
        <source>e.g. 3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00</source>
        <translation>例如 3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00</translation>
    </message>
    <message>
        <source>e.g. left the laboratory on 30 June; laptop stolen</source>
        <translation>例如 6 月 30 日离开实验室；笔记本电脑被盗</translation>
    </message>
    <message>
        <source>the .pem file the partner sent</source>
        <translation>合作机构发来的 .pem 文件</translation>
    </message>
    <message>
        <source>{file} is too large to be a certificate.</source>
        <translation>{file} 太大，不可能是证书。</translation>
    </message>
</context>
<context>
    <name>_keys_window</name>
    <message>
        <source>&amp;Export our certificate…</source>
        <translation>导出本机构证书(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import a partner&apos;s certificate…</source>
        <translation>导入合作机构的证书(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Make the institution key</source>
        <translation>生成机构密钥(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Revoke a person&apos;s key…</source>
        <translation>吊销人员的密钥(&amp;R)…</translation>
    </message>
    <message>
        <source>Certificate exported</source>
        <translation>证书已导出</translation>
    </message>
    <message>
        <source>Certificates (*.pem)</source>
        <translation>证书 (*.pem)</translation>
    </message>
    <message>
        <source>Every certificate this database knows</source>
        <translation>本数据库中的全部证书</translation>
    </message>
    <message>
        <source>Export our certificate</source>
        <translation>导出本机构证书</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Institution keys</source>
        <translation>机构密钥</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Make a new institution key for {institution}?

The current certificate ({fingerprint}) is retired and endorses the new one; what it signed stays valid. Every person&apos;s signing certificate is retired with it, and each person gets a new one at their next signature.

Afterwards, export the new certificate for your partners and read them its fingerprint. Other workstations of this installation need a copy of the new key.</source>
        <translation>为 {institution} 生成新的机构密钥？

当前证书（{fingerprint}）将停用，并为新证书背书；它签过的内容仍然有效。每位人员的签名证书随之停用，各人在下次签名时获得新证书。

之后，请为合作机构导出新证书并向其朗读指纹。本站点的其他工作站需要新密钥的副本。</translation>
    </message>
    <message>
        <source>Make the institution key</source>
        <translation>生成机构密钥</translation>
    </message>
    <message>
        <source>Make this installation&apos;s institution key and certificate</source>
        <translation>生成本站点的机构密钥和证书</translation>
    </message>
    <message>
        <source>Nobody has a signing key yet.</source>
        <translation>尚无人拥有签名密钥。</translation>
    </message>
    <message>
        <source>Our certificate is in {file}.

When you send it, read its fingerprint aloud to the partner:
{fingerprint}</source>
        <translation>本机构证书已保存至 {file}。

发送时，请向合作机构朗读其指纹：
{fingerprint}</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <source>R&amp;otate the institution key…</source>
        <translation>轮换机构密钥(&amp;O)…</translation>
    </message>
    <message>
        <source>Read the fingerprint aloud to a partner when you send them the certificate: they type what they hear when they import it.</source>
        <translation>向合作机构发送证书时请朗读指纹：对方导入时输入所听到的内容。</translation>
    </message>
    <message>
        <source>Refuse a person&apos;s signatures from a moment on (they left, a key was lost)</source>
        <translation>自某一时刻起拒绝某人的签名（其已离职或密钥丢失）</translation>
    </message>
    <message>
        <source>Replace the institution key with a new one, endorsed by the old</source>
        <translation>以新密钥替换机构密钥，由旧密钥背书</translation>
    </message>
    <message>
        <source>Revocation reason</source>
        <translation>吊销原因</translation>
    </message>
    <message>
        <source>Rotate the institution key</source>
        <translation>轮换机构密钥</translation>
    </message>
    <message>
        <source>Save our certificate as a .pem file for partners and for verify-pdf --certificate</source>
        <translation>将本机构证书保存为 .pem 文件，供合作机构及 verify-pdf --certificate 使用</translation>
    </message>
    <message>
        <source>Search: holder, institution, fingerprint, state, reason</source>
        <translation>搜索：持有者、机构、指纹、状态、原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>This computer holds the institution&apos;s private key: it signs documents and couriers&apos; confirmations here.</source>
        <translation>本计算机持有机构私钥：文件和押运员的确认在此签名。</translation>
    </message>
    <message>
        <source>This installation has no institution certificate yet.</source>
        <translation>本站点尚无机构证书。</translation>
    </message>
    <message>
        <source>This installation&apos;s certificate</source>
        <translation>本站点的证书</translation>
    </message>
    <message>
        <source>Trust a partner institution&apos;s certificate once its fingerprint is confirmed</source>
        <translation>确认指纹后信任合作机构的证书</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>certificate</source>
        <comment>counted</comment>
        <translation>份证书</translation>
    </message>
    <message>
        <source>certificates</source>
        <comment>counted</comment>
        <translation>份证书</translation>
    </message>
    <message>
        <source>current</source>
        <comment>certificate state</comment>
        <translation>现行</translation>
    </message>
    <message>
        <source>from {start} until {end}</source>
        <translation>自 {start} 至 {end}</translation>
    </message>
    <message>
        <source>our institution</source>
        <translation>本机构</translation>
    </message>
    <message>
        <source>partner</source>
        <comment>certificate kind</comment>
        <translation>合作机构</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>retired</source>
        <comment>certificate state</comment>
        <translation>已停用</translation>
    </message>
    <message>
        <source>revoked</source>
        <comment>certificate state</comment>
        <translation>已吊销</translation>
    </message>
</context>
</TS>
