<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_domain_courier</name>
    <message>
        <source>Aliquot {aliquot} is not packed in any package. Ask the sender which package to take.</source>
        <translation>分样 {aliquot} 未装入任何样品包。请向发件方询问应取哪个样品包。</translation>
    </message>
    <message>
        <source>Already received: {aliquot} (package {package}) was received by {receiver} on {when}. It is no longer in transit.</source>
        <translation>已接收：分样 {aliquot}（样品包 {package}）已于 {when} 由 {receiver} 接收，不再处于运输中。</translation>
    </message>
    <message>
        <source>Already received: {package} was received by {receiver} on {when}. It is no longer in transit.</source>
        <translation>已接收：样品包 {package} 已于 {when} 由 {receiver} 接收，不再处于运输中。</translation>
    </message>
    <message>
        <source>Not on this manifest: {numbers}. Put it aside: it must not travel in this package.</source>
        <translation>不在本装箱清单上：{numbers}。请单独放置：不得随本样品包运送。</translation>
    </message>
    <message>
        <source>Not your package: {package} is assigned to {courier}, not to {me}. Do not take it.</source>
        <translation>不是您的样品包：{package} 指派给押运员 {courier}，而不是 {me}。请勿取走。</translation>
    </message>
    <message>
        <source>Nothing was scanned.</source>
        <translation>未扫描到任何内容。</translation>
    </message>
    <message>
        <source>Package {package} was cancelled by the sender: do not take it.</source>
        <translation>样品包 {package} 已被发件方取消：请勿取走。</translation>
    </message>
    <message>
        <source>Scan or type the seal number on the package.</source>
        <translation>请扫描或输入样品包上的封签号。</translation>
    </message>
    <message>
        <source>There is no active user &apos;{username}&apos;.</source>
        <translation>不存在已启用的用户“{username}”。</translation>
    </message>
    <message>
        <source>There is no user &apos;{username}&apos;.</source>
        <translation>不存在用户“{username}”。</translation>
    </message>
    <message>
        <source>Wrong code: nothing is labelled &apos;{code}&apos;. Check the label and scan it again, or type its number.</source>
        <translation>编码有误：没有任何标签为“{code}”。请检查标签后重新扫描，或输入其编号。</translation>
    </message>
    <message>
        <source>{count} item missing: {numbers}. Scan each one; a package travels only complete.</source>
        <translation>缺少 {count} 件：{numbers}。请逐一扫描；样品包须完整才能运送。</translation>
    </message>
    <message>
        <source>{count} items missing: {numbers}. Scan each one; a package travels only complete.</source>
        <translation>缺少 {count} 件：{numbers}。请逐一扫描；样品包须完整才能运送。</translation>
    </message>
    <message>
        <source>{why_not} Do not take the package; call the sender.</source>
        <translation>{why_not}请勿取走该样品包；请联系发件方。</translation>
    </message>
</context>
<context>
    <name>_domain_custody</name>
    <message>
        <source>A courier cannot hand a package to themselves.</source>
        <translation>押运员不能将样品包交接给自己。</translation>
    </message>
    <message>
        <source>A package needs at least one aliquot.</source>
        <translation>样品包至少需要一个分样。</translation>
    </message>
    <message>
        <source>A resolution is one of: {choices}.</source>
        <translation>处理方式须为以下之一：{choices}。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot}</source>
        <translation>分样 {aliquot}</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is already packed in transfer {transfer}.</source>
        <translation>分样 {aliquot} 已装入转运 {transfer}。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is no longer in the sender&apos;s storage.</source>
        <translation>分样 {aliquot} 已不在发件方库中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is not an item of loan {loan}.</source>
        <translation>分样 {aliquot} 不是借样 {loan} 的借样项。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is not in storage.</source>
        <translation>分样 {aliquot} 不在库。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is not out on loan {loan}.</source>
        <translation>分样 {aliquot} 并非借样 {loan} 借出的分样。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} no longer holds the mass to write off.</source>
        <translation>分样 {aliquot} 已没有可核销的质量。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} was shipped under this loan already.</source>
        <translation>分样 {aliquot} 已在本借样下发运过。</translation>
    </message>
    <message>
        <source>An aliquot is listed twice in the package.</source>
        <translation>样品包中有分样被列了两次。</translation>
    </message>
    <message>
        <source>Loan {loan} is approved; material moves only under an active loan.</source>
        <translation>借样 {loan} 为已批准状态；样品只能在生效中的借样下移动。</translation>
    </message>
    <message>
        <source>Loan {loan} is cancelled; material moves only under an active loan.</source>
        <translation>借样 {loan} 已取消；样品只能在生效中的借样下移动。</translation>
    </message>
    <message>
        <source>Loan {loan} is closed; material moves only under an active loan.</source>
        <translation>借样 {loan} 已结束；样品只能在生效中的借样下移动。</translation>
    </message>
    <message>
        <source>Loan {loan} is draft; material moves only under an active loan.</source>
        <translation>借样 {loan} 仍是草稿；样品只能在生效中的借样下移动。</translation>
    </message>
    <message>
        <source>Loaned material is returned to {institution}.</source>
        <translation>借出的样品须归还给 {institution}。</translation>
    </message>
    <message>
        <source>Material goes to or from a borrower only under an active loan.</source>
        <translation>样品只能在生效中的借样下送往借用方或从借用方送出。</translation>
    </message>
    <message>
        <source>Only a mass discrepancy changes masses; accept a seal report.</source>
        <translation>只有质量差异才会改变质量；封签问题请按原样接受。</translation>
    </message>
    <message>
        <source>Only {borrower}, the borrower, returns the material of loan {loan}.</source>
        <translation>只有借用方 {borrower} 才能归还借样 {loan} 的样品。</translation>
    </message>
    <message>
        <source>Seal {seen} is not the seal of this package ({seal}).</source>
        <translation>封签 {seen} 不是本样品包的封签（{seal}）。</translation>
    </message>
    <message>
        <source>The handover must be dated between the release and now (in UTC).</source>
        <translation>交接时间须在发出之后、当前时间之前（UTC）。</translation>
    </message>
    <message>
        <source>The package mixes aliquots of different loans.</source>
        <translation>样品包混有不同借样的分样。</translation>
    </message>
    <message>
        <source>The receiver must work at {institution}.</source>
        <translation>接收人必须在 {institution} 工作。</translation>
    </message>
    <message>
        <source>The receiver works at the sending institution.</source>
        <translation>接收人与发件方属同一机构。</translation>
    </message>
    <message>
        <source>There is no discrepancy #{discrepancy}.</source>
        <translation>不存在第 {discrepancy} 号差异。</translation>
    </message>
    <message>
        <source>This signature must be given by {signer}.</source>
        <translation>此签名必须由 {signer} 本人签署。</translation>
    </message>
    <message>
        <source>Transfer {transfer} is cancelled, not in transit.</source>
        <translation>转运 {transfer} 已取消，不在运输中。</translation>
    </message>
    <message>
        <source>Transfer {transfer} is cancelled, not waiting for pick-up.</source>
        <translation>转运 {transfer} 已取消，不在等待取件。</translation>
    </message>
    <message>
        <source>Transfer {transfer} is carried by {courier}, not by you.</source>
        <translation>转运 {transfer} 由 {courier} 押运，而不是您。</translation>
    </message>
    <message>
        <source>Transfer {transfer} is in_transit, not waiting for pick-up.</source>
        <translation>转运 {transfer} 正在运输中，不在等待取件。</translation>
    </message>
    <message>
        <source>Transfer {transfer} is prepared, not in transit.</source>
        <translation>转运 {transfer} 已备妥，不在运输中。</translation>
    </message>
    <message>
        <source>Transfer {transfer} is received, not in transit.</source>
        <translation>转运 {transfer} 已接收，不在运输中。</translation>
    </message>
    <message>
        <source>Transfer {transfer} is received, not waiting for pick-up.</source>
        <translation>转运 {transfer} 已接收，不在等待取件。</translation>
    </message>
    <message>
        <source>Transfer {transfer} was already received by someone at {when}.</source>
        <translation>转运 {transfer} 已于 {when} 被接收。</translation>
    </message>
    <message>
        <source>Transfer {transfer} was already received by {receiver} at {when}.</source>
        <translation>转运 {transfer} 已于 {when} 由 {receiver} 接收。</translation>
    </message>
    <message>
        <source>You sign with your own password, not someone else&apos;s.</source>
        <translation>请用您本人的密码签名，不能用他人的。</translation>
    </message>
    <message>
        <source>container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>custody form</source>
        <translation>保管交接单</translation>
    </message>
    <message>
        <source>measured mass of {aliquot}</source>
        <translation>分样 {aliquot} 的实测质量</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>seal number</source>
        <translation>封签号</translation>
    </message>
    <message>
        <source>{aliquots} is not in transfer {transfer}.</source>
        <translation>分样 {aliquots} 不在转运 {transfer} 中。</translation>
    </message>
    <message>
        <source>{aliquot} weighed more than its book mass ({difference}); correct the book mass instead of recording a loss.</source>
        <translation>分样 {aliquot} 的称量结果高于其账面质量（{difference}）；请更正账面质量，而不要记录质量损失。</translation>
    </message>
    <message>
        <source>{courier} already carries the package.</source>
        <translation>{courier} 已在押运该样品包。</translation>
    </message>
    <message>
        <source>{courier} is no longer an active courier.</source>
        <translation>{courier} 已不再是启用中的押运员。</translation>
    </message>
    <message>
        <source>{courier} is not an active courier.</source>
        <translation>{courier} 不是启用中的押运员。</translation>
    </message>
    <message>
        <source>{receiver} cannot receive samples.</source>
        <translation>{receiver} 不能接收样品。</translation>
    </message>
</context>
<context>
    <name>_domain_export</name>
    <message>
        <source>&apos;{format}&apos; is not an export format; choose csv or json.</source>
        <translation>“{format}”不是导出格式；请选择 csv 或 json。</translation>
    </message>
    <message>
        <source>Export cancelled; the file written so far is incomplete.</source>
        <translation>导出已取消；已写入的文件不完整。</translation>
    </message>
</context>
<context>
    <name>_domain_ledger</name>
    <message>
        <source>A &apos;{kind}&apos; event cannot follow status &apos;{status}&apos;.</source>
        <translation>“{kind}”事件不能发生在状态“{status}”之后。</translation>
    </message>
    <message>
        <source>A lost aliquot&apos;s mass cannot be corrected upwards.</source>
        <translation>已丢失分样的质量不能向上更正。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} does not match its ledger ({detail}).</source>
        <translation>分样 {aliquot} 与其保管台账不符（{detail}）。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} has no custodian.</source>
        <translation>分样 {aliquot} 没有保管方。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} has no custody events.</source>
        <translation>分样 {aliquot} 没有保管事件。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot}: its split events give {given} µg to children, its children record {recorded} µg.</source>
        <translation>分样 {aliquot}：其分装事件分给子分样 {given} µg，而子分样记录的是 {recorded} µg。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot}: mass balance broken (initial {initial} µg != current {current} + children {children} + consumed {consumed} + lost {lost}).</source>
        <translation>分样 {aliquot}：质量平衡被破坏（初始 {initial} µg != 当前 {current} + 子分样 {children} + 已消耗 {consumed} + 已损失 {lost}）。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot}: status {status} but courier {courier}.</source>
        <translation>分样 {aliquot}：状态为 {status}，但押运员为 {courier}。</translation>
    </message>
    <message>
        <source>Aliquots name event #{named} but the ledger ends at #{last}: events at the end were removed.</source>
        <translation>分样指向事件 #{named}，但保管台账止于 #{last}：末尾的事件已被删除。</translation>
    </message>
    <message>
        <source>Event #{changed} was changed and its hash recomputed: event #{event} was chained to different content.</source>
        <translation>事件 #{changed} 被修改且其哈希被重新计算：事件 #{event} 链接的是不同的内容。</translation>
    </message>
    <message>
        <source>Event #{event} does not follow event #{before}: an event was removed, inserted or moved before it.</source>
        <translation>事件 #{event} 未接续事件 #{before}：其前有事件被删除、插入或移动。</translation>
    </message>
    <message>
        <source>Event #{event} is impossible here: {why}</source>
        <translation>事件 #{event} 在此处不可能发生：{why}</translation>
    </message>
    <message>
        <source>Event #{event} was changed or forged: its content does not match its hash.</source>
        <translation>事件 #{event} 被修改或伪造：其内容与其哈希不符。</translation>
    </message>
    <message>
        <source>Event #{event} was inserted after the last event the program wrote.</source>
        <translation>事件 #{event} 是在程序写入的最后一个事件之后插入的。</translation>
    </message>
    <message>
        <source>Event #{missing} is missing (deleted): the ledger jumps from #{before} to #{after}.</source>
        <translation>事件 #{missing} 缺失（已被删除）：保管台账从 #{before} 跳到 #{after}。</translation>
    </message>
    <message>
        <source>Events name aliquot id {id}, which does not exist.</source>
        <translation>事件指向分样 ID {id}，但该分样不存在。</translation>
    </message>
    <message>
        <source>That would leave a negative mass.</source>
        <translation>这将导致质量为负。</translation>
    </message>
    <message>
        <source>The ledger head is missing: the database was not migrated.</source>
        <translation>缺少保管台账链头：数据库未迁移。</translation>
    </message>
    <message>
        <source>The ledger head names event #{named} but the ledger ends at #{last}: events at the end were removed.</source>
        <translation>保管台账链头指向事件 #{named}，但保管台账止于 #{last}：末尾的事件已被删除。</translation>
    </message>
    <message>
        <source>Unknown custody event kind &apos;{kind}&apos;.</source>
        <translation>未知的保管事件类型“{kind}”。</translation>
    </message>
    <message>
        <source>Verification was cancelled.</source>
        <translation>核验已取消。</translation>
    </message>
</context>
<context>
    <name>_domain_masses</name>
    <message>
        <source>&apos;{text}&apos; is more precise than one microgram.</source>
        <translation>“{text}”的精度超过 1 微克。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a mass (examples: 12.5 mg, 0.25 g).</source>
        <translation>“{text}”不是质量（示例：12.5 mg、0.25 g）。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a mass.</source>
        <translation>“{text}”不是质量。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a plausible mass.</source>
        <translation>“{text}”不是合理的质量。</translation>
    </message>
    <message>
        <source>The {what} must be a whole number of micrograms.</source>
        <translation>{what}必须是整数微克。</translation>
    </message>
    <message>
        <source>The {what} must be more than zero (got {mass}).</source>
        <translation>{what}必须大于零（所填为 {mass}）。</translation>
    </message>
    <message>
        <source>The {what} of {mass} is not plausible.</source>
        <translation>{what}为 {mass}，不合理。</translation>
    </message>
    <message>
        <source>mass</source>
        <translation>质量</translation>
    </message>
</context>
<context>
    <name>_domain_operation</name>
    <message>
        <source>There is no aliquot &apos;{aliquot}&apos;.</source>
        <translation>不存在分样“{aliquot}”。</translation>
    </message>
    <message>
        <source>There is no institution with the code &apos;{code}&apos;.</source>
        <translation>不存在代码为“{code}”的机构。</translation>
    </message>
    <message>
        <source>There is no loan &apos;{loan}&apos;.</source>
        <translation>不存在借样“{loan}”。</translation>
    </message>
    <message>
        <source>There is no person with the user name &apos;{username}&apos;.</source>
        <translation>不存在用户名为“{username}”的人员。</translation>
    </message>
    <message>
        <source>There is no transfer &apos;{transfer}&apos;.</source>
        <translation>不存在转运“{transfer}”。</translation>
    </message>
    <message>
        <source>Your account is no longer active; sign in again.</source>
        <translation>您的账户已不再启用；请重新登录。</translation>
    </message>
    <message>
        <source>{what} is not held by {institution}; only its custodian may do this.</source>
        <translation>{what} 不由 {institution} 保管；只有其保管方可以执行此操作。</translation>
    </message>
</context>
<context>
    <name>_domain_origins</name>
    <message>
        <source>Event #{event} was imported from {institution} (their #{their_event}), and {code}&apos;s signature no longer holds for it: it was changed here after it was imported.</source>
        <translation>事件 #{event} 导入自 {institution}（对方的 #{their_event}），{code} 的签名对其已不再成立：它在导入后于本站点被修改。</translation>
    </message>
    <message>
        <source>the exchange file {kind} no. {number} to {partner} was sent</source>
        <translation>向 {partner} 发出第 {number} 号交换文件（{kind}）</translation>
    </message>
    <message>
        <source>{partner} last saw this ledger (their exchange file {kind} no. {number})</source>
        <translation>{partner} 上次看到本保管台账（其第 {number} 号交换文件，{kind}）</translation>
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
