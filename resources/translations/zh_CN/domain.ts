<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_domain_anchors</name>
    <message>
        <source>The anchor of {made} is not an anchor of this database: {why}.</source>
        <translation>{made} 的锚点不是本数据库的锚点：{why}。</translation>
    </message>
    <message>
        <source>The anchor {file} of {made} is not an anchor of this database: {why}.</source>
        <translation>{made} 的锚点 {file} 不是本数据库的锚点：{why}。</translation>
    </message>
    <message>
        <source>The audit trail was rewritten at or before entry #{entry} since {what}: it saw entry #{entry} with hash {saw}…, the trail has no such entry now.</source>
        <translation>自 {what} 以来，审计记录在条目 #{entry} 或其之前被改写：其记录的条目 #{entry} 哈希为 {saw}…，而审计记录中现已没有该条目。</translation>
    </message>
    <message>
        <source>The audit trail was rewritten at or before entry #{entry} since {what}: it saw entry #{entry} with hash {saw}…, the trail now has {now}….</source>
        <translation>自 {what} 以来，审计记录在条目 #{entry} 或其之前被改写：其记录的条目 #{entry} 哈希为 {saw}…，而审计记录现为 {now}…。</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>The ledger was rewritten at or before event #{event} since {what}: it saw event #{event} with hash {saw}…, the ledger now has {now}….</source>
        <translation>自 {what} 以来，保管台账在事件 #{event} 或其之前被改写：其记录的事件 #{event} 哈希为 {saw}…，而保管台账现为 {now}…。</translation>
    </message>
    <message>
        <source>The ledger was rewritten at or before event #{event} since {what}: it saw event #{event}, and the ledger has no such event now (it ends at #{last}): events were removed.</source>
        <translation>自 {what} 以来，保管台账在事件 #{event} 或其之前被改写：其记录了事件 #{event}，而保管台账现已没有该事件（止于 #{last}）：有事件被删除。</translation>
    </message>
    <message>
        <source>it has no time it was made</source>
        <translation>其中没有生成时间</translation>
    </message>
    <message>
        <source>it is signed by certificate {certificate}, revoked on {date}</source>
        <translation>它由证书 {certificate} 签名，该证书已于 {date} 吊销</translation>
    </message>
    <message>
        <source>it is signed by certificate {certificate}, which is neither this installation&apos;s nor a trusted partner&apos;s</source>
        <translation>它由证书 {certificate} 签名，该证书既不属于本站点，也不属于受信任的合作机构</translation>
    </message>
    <message>
        <source>it names no certificate fingerprint</source>
        <translation>其中未写明证书指纹</translation>
    </message>
    <message>
        <source>it names no institution</source>
        <translation>其中未写明机构</translation>
    </message>
    <message>
        <source>its audit head is not a number and a SHA-256</source>
        <translation>其审计记录链头不是一个编号加一个 SHA-256 值</translation>
    </message>
    <message>
        <source>its ledger head is not a number and a SHA-256</source>
        <translation>其保管台账链头不是一个编号加一个 SHA-256 值</translation>
    </message>
    <message>
        <source>the anchor of {made}</source>
        <translation>{made} 的锚点</translation>
    </message>
    <message>
        <source>the anchor {file} of {made}</source>
        <translation>{made} 的锚点 {file}</translation>
    </message>
    <message>
        <source>the rewrite is between events #{first} and #{last}</source>
        <translation>改写发生在事件 #{first} 到 #{last} 之间</translation>
    </message>
    <message>
        <source>the rewritten event is #{event}</source>
        <translation>被改写的事件是 #{event}</translation>
    </message>
    <message>
        <source>the time it was made names no time zone</source>
        <translation>其生成时间未注明时区</translation>
    </message>
    <message>
        <source>{file} is an anchor of version {version}; this program reads version {known}.</source>
        <translation>{file} 是版本 {version} 的锚点；本程序读取版本 {known}。</translation>
    </message>
    <message>
        <source>{file} is damaged: it carries no certificate to check it with.</source>
        <translation>{file} 已损坏：其中没有可用于核验它的证书。</translation>
    </message>
    <message>
        <source>{file} is damaged: its certificate cannot be read ({error}).</source>
        <translation>{file} 已损坏：无法读取其证书（{error}）。</translation>
    </message>
    <message>
        <source>{file} is damaged: the certificate it carries is not the one its statement names.</source>
        <translation>{file} 已损坏：其所带的证书不是其声明中写明的证书。</translation>
    </message>
    <message>
        <source>{file} is damaged: {problem}.</source>
        <translation>{file} 已损坏：{problem}。</translation>
    </message>
    <message>
        <source>{file} is not an anchor file: it holds no statement.</source>
        <translation>{file} 不是锚点文件：其中没有声明。</translation>
    </message>
    <message>
        <source>{file} is not an anchor file: it is not JSON (damaged?).</source>
        <translation>{file} 不是锚点文件：它不是 JSON（已损坏？）。</translation>
    </message>
    <message>
        <source>{file} is not an anchor file: its statement is of type {type}, not {anchor}.</source>
        <translation>{file} 不是锚点文件：其声明的类型为 {type}，而不是 {anchor}。</translation>
    </message>
    <message>
        <source>{file} is not an anchor of {institution}: its certificate belongs to another institution.</source>
        <translation>{file} 不是 {institution} 的锚点：其证书属于另一机构。</translation>
    </message>
    <message>
        <source>{file} is not signed: it has no signature, so it proves nothing.</source>
        <translation>{file} 未签名：它没有签名，因此不能证明任何事。</translation>
    </message>
    <message>
        <source>{file} is not validly signed: its signature does not hold for its statement (the file was changed after it was signed).</source>
        <translation>{file} 的签名无效：其签名与其声明不符（文件在签名后被修改过）。</translation>
    </message>
    <message>
        <source>{finding} The anchor of {made} still holds event #{event}: {where}.</source>
        <translation>{finding}{made} 的锚点所记录的事件 #{event} 仍然完好：{where}。</translation>
    </message>
    <message>
        <source>{finding} The anchor {file} of {made} still holds event #{event}: {where}.</source>
        <translation>{finding}{made} 的锚点 {file} 所记录的事件 #{event} 仍然完好：{where}。</translation>
    </message>
</context>
<context>
    <name>_domain_checkpoints</name>
    <message>
        <source>The checkpoint {file} was ignored: {why}.</source>
        <translation>已忽略检查点 {file}：{why}。</translation>
    </message>
    <message>
        <source>The database&apos;s schema or its append-only guards changed since {checkpoint} (a migration, or a guard removed to change records in place).</source>
        <translation>自{checkpoint}以来，数据库结构或其只追加保护已改变（一次迁移，或为就地修改记录而删除了保护）。</translation>
    </message>
    <message>
        <source>it cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>it is signed by certificate {certificate}, whose private key this computer does not hold</source>
        <translation>它由证书 {certificate} 签名，本计算机不持有该证书的私钥</translation>
    </message>
    <message>
        <source>it was made for another database</source>
        <translation>它是为另一个数据库生成的</translation>
    </message>
    <message>
        <source>its certificate is damaged</source>
        <translation>其证书已损坏</translation>
    </message>
    <message>
        <source>its signature does not hold (it was changed after it was signed)</source>
        <translation>其签名无效（签名后被修改过）</translation>
    </message>
    <message>
        <source>the checkpoint of {made}</source>
        <translation>{made} 的检查点</translation>
    </message>
</context>
<context>
    <name>_domain_clearance</name>
    <message>
        <source>An attached file needs both its name and its content.</source>
        <translation>附件须同时给出文件名和内容。</translation>
    </message>
    <message>
        <source>Loan {number} has no clearance item &apos;{key}&apos; (its items: {keys}).</source>
        <translation>借样 {number} 没有审查项“{key}”（其审查项：{keys}）。</translation>
    </message>
    <message>
        <source>The clearance item &apos;{title}&apos; has no expiry date.</source>
        <translation>审查项“{title}”没有有效期。</translation>
    </message>
    <message>
        <source>The clearance template {name} cannot be read: {error}.</source>
        <translation>无法读取审查清单模板 {name}：{error}。</translation>
    </message>
    <message>
        <source>The expiry date {date} has passed already.</source>
        <translation>有效期 {date} 已过。</translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation>文件 {name} 是空的。</translation>
    </message>
    <message>
        <source>The file {name} is larger than {limit} MB.</source>
        <translation>文件 {name} 超过 {limit} MB。</translation>
    </message>
    <message>
        <source>There is no clearance template ({name}) in {folder}.</source>
        <translation>{folder} 中没有审查清单模板（{name}）。</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>reason for the waiver</source>
        <translation>豁免理由</translation>
    </message>
</context>
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
    <name>_domain_deliverables</name>
    <message>
        <source>A deliverable is one of: {kinds}.</source>
        <translation>应交成果须为以下之一：{kinds}。</translation>
    </message>
    <message>
        <source>A file&apos;s SHA-256 is 64 hexadecimal digits.</source>
        <translation>文件的 SHA-256 为 64 位十六进制数字。</translation>
    </message>
    <message>
        <source>Deliver {title} for loan {number}.</source>
        <translation>请提交借样 {number} 的{title}。</translation>
    </message>
    <message>
        <source>Loan {number} has no deliverable {id}.</source>
        <translation>借样 {number} 没有编号为 {id} 的应交成果。</translation>
    </message>
    <message>
        <source>Loan {number} is managed by {institution}.</source>
        <translation>借样 {number} 由{institution}管理。</translation>
    </message>
    <message>
        <source>The loan is closed or cancelled; its deliverables can no longer change.</source>
        <translation>该借样已结束或已取消，其应交成果不能再更改。</translation>
    </message>
    <message>
        <source>This deliverable is delivered already.</source>
        <translation>该应交成果已提交。</translation>
    </message>
    <message>
        <source>This deliverable is waived already.</source>
        <translation>该应交成果已免除。</translation>
    </message>
    <message>
        <source>data report</source>
        <translation>数据报告</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>publication</source>
        <translation>出版物</translation>
    </message>
    <message>
        <source>reason for the waiver</source>
        <translation>免除理由</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考信息</translation>
    </message>
    <message>
        <source>return accounting</source>
        <translation>归还核算</translation>
    </message>
    <message>
        <source>return of material</source>
        <translation>样品归还</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>已免除</translation>
    </message>
    <message>
        <source>{person} owes an overdue deliverable: {title} (loan {loan}, due {due_on}).</source>
        <translation>{person}有一项应交成果已逾期：{title}（借样 {loan}，截止 {due_on}）。</translation>
    </message>
    <message>
        <source>{person} owes {count} overdue deliverables, the first {title} (loan {loan}, due {due_on}).</source>
        <translation>{person}有 {count} 项应交成果已逾期，最早一项为{title}（借样 {loan}，截止 {due_on}）。</translation>
    </message>
</context>
<context>
    <name>_domain_document_languages</name>
    <message>
        <source>&apos;{text}&apos; is not a choice of document languages: use en, zh or en,zh.</source>
        <translation>“{text}”不是有效的文件语言选项：请使用 en、zh 或 en,zh。</translation>
    </message>
</context>
<context>
    <name>_domain_documents</name>
    <message>
        <source>&apos;{number}&apos; is not a number for a {kind} document.</source>
        <translation>“{number}”不是 {kind} 文件的编号。</translation>
    </message>
    <message>
        <source>A document&apos;s SHA-256 is 64 lower-case hexadecimal digits.</source>
        <translation>文件的 SHA-256 应为 64 位小写十六进制数字。</translation>
    </message>
    <message>
        <source>A {record_type} document is not about one numbered record.</source>
        <translation>{record_type} 文件不对应某一条有编号的记录。</translation>
    </message>
    <message>
        <source>Document number {number} is already recorded.</source>
        <translation>文件编号 {number} 已有记录。</translation>
    </message>
    <message>
        <source>Unknown document kind &apos;{kind}&apos;.</source>
        <translation>未知的文件类型“{kind}”。</translation>
    </message>
    <message>
        <source>Unknown record type &apos;{record_type}&apos;.</source>
        <translation>未知的记录类型“{record_type}”。</translation>
    </message>
</context>
<context>
    <name>_domain_errors</name>
    <message>
        <source>... and {count} more</source>
        <translation>…… 另有 {count} 行</translation>
    </message>
    <message>
        <source>Import refused, nothing was stored: {count} row has problems.</source>
        <translation>导入被拒绝，未保存任何内容：{count} 行有问题。</translation>
    </message>
    <message>
        <source>Import refused, nothing was stored: {count} rows have problems.</source>
        <translation>导入被拒绝，未保存任何内容：{count} 行有问题。</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
</context>
<context>
    <name>_domain_exchange_export</name>
    <message>
        <source>Say what the file is about: one loan, one transfer or aliquots.</source>
        <translation>请说明文件涉及的内容：一项借样、一项转运或若干分样。</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>{count} custody event; {records}</source>
        <translation>{count} 个保管事件；{records}</translation>
    </message>
    <message>
        <source>{count} custody events; {records}</source>
        <translation>{count} 个保管事件；{records}</translation>
    </message>
    <message>
        <source>{institution} is not a trusted partner yet: import its introduction file and confirm its fingerprint first ({command}).</source>
        <translation>{institution} 尚不是受信任的合作机构：请先导入其引荐文件并核对其指纹（{command}）。</translation>
    </message>
    <message>
        <source>{institution} is this installation&apos;s own institution.</source>
        <translation>{institution} 是本站点自己的机构。</translation>
    </message>
</context>
<context>
    <name>_domain_exchange_format</name>
    <message>
        <source>An exchange file holds {content} and {signature} once each; this one holds nothing.</source>
        <translation>交换文件包含 {content} 和 {signature} 各一个；此文件什么也不包含。</translation>
    </message>
    <message>
        <source>An exchange file holds {content} and {signature} once each; this one holds {names}.</source>
        <translation>交换文件包含 {content} 和 {signature} 各一个；此文件包含 {names}。</translation>
    </message>
    <message>
        <source>The file holds &apos;{name}&apos;, a name that points outside any folder: an exchange file holds only {content} and {signature}.</source>
        <translation>文件包含“{name}”，该名称指向文件夹之外：交换文件只包含 {content} 和 {signature}。</translation>
    </message>
    <message>
        <source>The file holds &apos;{name}&apos;: an exchange file holds only {content} and {signature}.</source>
        <translation>文件包含“{name}”：交换文件只包含 {content} 和 {signature}。</translation>
    </message>
    <message>
        <source>The file is damaged or truncated ({error}); nothing was read from it.</source>
        <translation>文件已损坏或不完整（{error}）；未从中读取任何内容。</translation>
    </message>
    <message>
        <source>The file is in exchange format version {version}; this program reads version {ours}. Install the version of Lunar Custody the sender uses, or ask the sender for a file in version 1.</source>
        <translation>该文件的交换格式版本为 {version}；本程序读取版本 {ours}。请安装发件方所用的 Lunar Custody 版本，或请发件方提供版本 1 的文件。</translation>
    </message>
    <message>
        <source>The file is larger than {megabytes} MB.</source>
        <translation>文件大于 {megabytes} MB。</translation>
    </message>
    <message>
        <source>The file is signed with {algorithm}; expected {expected}.</source>
        <translation>文件使用 {algorithm} 签名；应为 {expected}。</translation>
    </message>
    <message>
        <source>The file&apos;s signature does not hold: its content was changed after the sender signed it, or it was signed by another key. Nothing was imported.</source>
        <translation>文件的签名无效：其内容在发件方签名后被更改，或由其他密钥签名。未导入任何内容。</translation>
    </message>
    <message>
        <source>The sender&apos;s certificate is {problem}.</source>
        <translation>发件方的证书有误：{problem}。</translation>
    </message>
    <message>
        <source>This is not a Lunar Custody exchange file ({content}).</source>
        <translation>这不是 Lunar Custody 交换文件（{content}）。</translation>
    </message>
    <message>
        <source>This is not an exchange file, or it is truncated ({error}).</source>
        <translation>这不是交换文件，或文件不完整（{error}）。</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>借样答复</translation>
    </message>
    <message>
        <source>introduction</source>
        <translation>引荐文件</translation>
    </message>
    <message>
        <source>legs</source>
        <translation>运段记录</translation>
    </message>
    <message>
        <source>offer</source>
        <translation>借样要约</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>接收回执</translation>
    </message>
    <message>
        <source>report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>return</source>
        <translation>归还发运</translation>
    </message>
    <message>
        <source>shipment</source>
        <translation>发运通知</translation>
    </message>
    <message>
        <source>{content} claims to unpack to {ratio} times its packed size: refused as a decompression bomb.</source>
        <translation>{content} 声称解压后为压缩大小的 {ratio} 倍：作为解压炸弹拒绝。</translation>
    </message>
    <message>
        <source>{content} is not in canonical form (RFC 8785): it was changed after it was signed.</source>
        <translation>{content} 不是规范形式（RFC 8785）：它在签名后被更改。</translation>
    </message>
    <message>
        <source>{member} is not JSON ({error}).</source>
        <translation>{member} 不是 JSON（{error}）。</translation>
    </message>
    <message>
        <source>{member} is not a JSON object.</source>
        <translation>{member} 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>{member} unpacks to more than {megabytes} MB: refused as a decompression bomb.</source>
        <translation>{member} 解压后超过 {megabytes} MB：作为解压炸弹拒绝。</translation>
    </message>
</context>
<context>
    <name>_domain_exchange_importer</name>
    <message>
        <source>
  ... and {count} more</source>
        <translation>
  …… 另有 {count} 条</translation>
    </message>
    <message>
        <source>  - {reason}</source>
        <translation>  - {reason}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a list</source>
        <translation>“{name}”不是列表</translation>
    </message>
    <message>
        <source>Exchange file refused</source>
        <translation>交换文件被拒绝</translation>
    </message>
    <message>
        <source>a different file with the same id was imported before</source>
        <translation>此前已导入过具有相同标识的另一个文件</translation>
    </message>
    <message>
        <source>a person&apos;s user name never changes</source>
        <translation>人员的用户名不可更改</translation>
    </message>
    <message>
        <source>a record is not a JSON object</source>
        <translation>有一条记录不是 JSON 对象</translation>
    </message>
    <message>
        <source>an institution&apos;s key is trusted only by confirming its fingerprint</source>
        <translation>机构密钥只有在核对其指纹后才受信任</translation>
    </message>
    <message>
        <source>claims to be our own event, and our ledger holds no such event: evidence of tampering</source>
        <translation>声称是本方的事件，但本方保管台账中没有该事件：篡改的证据</translation>
    </message>
    <message>
        <source>it claims our institution&apos;s key</source>
        <translation>它声称使用本机构的密钥</translation>
    </message>
    <message>
        <source>it claims to be made with our own key, and we do not hold it</source>
        <translation>它声称以本方自己的密钥做出，但本方并未持有该签名</translation>
    </message>
    <message>
        <source>it comes without the events that made it</source>
        <translation>文件中缺少生成它的事件</translation>
    </message>
    <message>
        <source>it does not read the same here ({fields})</source>
        <translation>它在本站点读出的内容不一致（{fields}）</translation>
    </message>
    <message>
        <source>it is dated after its certificate was revoked</source>
        <translation>其日期晚于其证书被吊销的时间</translation>
    </message>
    <message>
        <source>it names another person</source>
        <translation>它指向另一名人员</translation>
    </message>
    <message>
        <source>it names no actor</source>
        <translation>它未指明操作人</translation>
    </message>
    <message>
        <source>it names no aliquot</source>
        <translation>它未指明分样</translation>
    </message>
    <message>
        <source>it names no certificate known here</source>
        <translation>它未指明本站点已知的证书</translation>
    </message>
    <message>
        <source>it signs a record that is neither here nor in the file</source>
        <translation>它所签名的记录既不在本站点也不在文件中</translation>
    </message>
    <message>
        <source>it was not issued by its institution&apos;s trusted key</source>
        <translation>它不是由其机构受信任的密钥签发的</translation>
    </message>
    <message>
        <source>its cryptographic signature does not hold</source>
        <translation>其密码学签名无效</translation>
    </message>
    <message>
        <source>its fingerprint is not its certificate&apos;s</source>
        <translation>其指纹与其证书不符</translation>
    </message>
    <message>
        <source>its origin number or hash is malformed</source>
        <translation>其来源编号或哈希格式有误</translation>
    </message>
    <message>
        <source>its revocation is not signed by its institution&apos;s key</source>
        <translation>其吊销未由其机构密钥签名</translation>
    </message>
    <message>
        <source>kind or transcribed is missing</source>
        <translation>缺少 kind 或 transcribed</translation>
    </message>
    <message>
        <source>loan {loan} does not allow destructive analysis</source>
        <translation>借样 {loan} 不允许破坏性分析</translation>
    </message>
    <message>
        <source>mass_ug is not a whole number of micrograms</source>
        <translation>mass_ug 不是整数微克</translation>
    </message>
    <message>
        <source>mass_ug {mass} is out of range</source>
        <translation>mass_ug {mass} 超出范围</translation>
    </message>
    <message>
        <source>names a person of {institution} this installation does not know</source>
        <translation>指向本站点不认识的 {institution} 人员</translation>
    </message>
    <message>
        <source>names no loan or no person</source>
        <translation>未指明借样或人员</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>not a signed event statement</source>
        <translation>不是已签名的事件声明</translation>
    </message>
    <message>
        <source>only an authorised receiver of the receiving institution confirms a receipt, not {origin}</source>
        <translation>只有接收机构的授权接收人可以确认接收，{origin} 不能</translation>
    </message>
    <message>
        <source>only an authorised receiver of the receiving institution confirms a receipt, not {person}</source>
        <translation>只有接收机构的授权接收人可以确认接收，{person} 不能</translation>
    </message>
    <message>
        <source>only the lender adds items to loan {loan}</source>
        <translation>只有出借方可以向借样 {loan} 添加借样项</translation>
    </message>
    <message>
        <source>only the lender offers a loan, not {sender}</source>
        <translation>只有出借方可以提出借样，{sender} 不能</translation>
    </message>
    <message>
        <source>only the lender or the borrower names the authorised receivers of loan {loan}</source>
        <translation>只有出借方或借用方可以指定借样 {loan} 的授权接收人</translation>
    </message>
    <message>
        <source>only the sample&apos;s owner corrects its book mass, not {origin}</source>
        <translation>只有样品的所有方可以更正其账面质量，{origin} 不能</translation>
    </message>
    <message>
        <source>only the sample&apos;s registering institution registers it, not {origin}</source>
        <translation>只有登记该样品的机构可以登记它，{origin} 不能</translation>
    </message>
    <message>
        <source>recorded by an installation this one does not know</source>
        <translation>由本站点不认识的站点记录</translation>
    </message>
    <message>
        <source>the certificate is {problem}</source>
        <translation>证书有误：{problem}</translation>
    </message>
    <message>
        <source>the file does not carry the sender&apos;s chain head</source>
        <translation>文件未携带发件方的链头</translation>
    </message>
    <message>
        <source>the file has no records</source>
        <translation>文件中没有记录</translation>
    </message>
    <message>
        <source>the file has no sequence number</source>
        <translation>文件没有序号</translation>
    </message>
    <message>
        <source>the file is addressed to {receiver}, not to {us}</source>
        <translation>文件发给 {receiver}，而不是 {us}</translation>
    </message>
    <message>
        <source>the file is signed by the key {key}, which is not a trusted partner&apos;s key for its sender: import the partner&apos;s introduction and confirm its fingerprint first</source>
        <translation>文件由密钥 {key} 签名，该密钥不是其发件方的受信任合作机构密钥：请先导入该合作机构的引荐文件并核对其指纹</translation>
    </message>
    <message>
        <source>the file is signed by the key {key}, which is not a trusted partner&apos;s key for {sender}: import the partner&apos;s introduction and confirm its fingerprint first</source>
        <translation>文件由密钥 {key} 签名，该密钥不是 {sender} 的受信任合作机构密钥：请先导入该合作机构的引荐文件并核对其指纹</translation>
    </message>
    <message>
        <source>the file is signed by {sender}&apos;s key {key}, revoked on {date}: it is no longer trusted</source>
        <translation>文件由 {sender} 的密钥 {key} 签名，该密钥已于 {date} 被撤销信任：不再受信任</translation>
    </message>
    <message>
        <source>the record has no UUID</source>
        <translation>该记录没有 UUID</translation>
    </message>
    <message>
        <source>the statement has no &apos;{name}&apos;</source>
        <translation>声明中没有“{name}”</translation>
    </message>
    <message>
        <source>this installation</source>
        <translation>本站点</translation>
    </message>
    <message>
        <source>this installation already has another aliquot with the number {number} (a different record): numbers made at two installations collide</source>
        <translation>本站点已有另一个编号为 {number} 的分样（另一条记录）：两个站点生成的编号冲突</translation>
    </message>
    <message>
        <source>this installation already has another institution with the code {number} (a different record): numbers made at two installations collide</source>
        <translation>本站点已有另一个代码为 {number} 的机构（另一条记录）：两个站点生成的编号冲突</translation>
    </message>
    <message>
        <source>this installation already has another loan with the number {number} (a different record): numbers made at two installations collide</source>
        <translation>本站点已有另一个编号为 {number} 的借样（另一条记录）：两个站点生成的编号冲突</translation>
    </message>
    <message>
        <source>this installation already has another person with the user name {number} (a different record): numbers made at two installations collide</source>
        <translation>本站点已有另一名用户名为 {number} 的人员（另一条记录）：两个站点生成的编号冲突</translation>
    </message>
    <message>
        <source>this installation already has another sample with the number {number} (a different record): numbers made at two installations collide</source>
        <translation>本站点已有另一个编号为 {number} 的样品（另一条记录）：两个站点生成的编号冲突</translation>
    </message>
    <message>
        <source>this installation already has another transfer with the number {number} (a different record): numbers made at two installations collide</source>
        <translation>本站点已有另一个编号为 {number} 的转运（另一条记录）：两个站点生成的编号冲突</translation>
    </message>
    <message>
        <source>this installation holds the same event of {origin} with another hash: evidence of tampering at the origin</source>
        <translation>本站点持有 {origin} 的同一事件，但哈希不同：来源处篡改的证据</translation>
    </message>
    <message>
        <source>this installation holds the same event of {origin} with other content ({fields}): evidence of tampering at the origin</source>
        <translation>本站点持有 {origin} 的同一事件，但内容不同（{fields}）：来源处篡改的证据</translation>
    </message>
    <message>
        <source>this is an introduction: add it with File ▸ Partners… ▸ Add partner (or {command})</source>
        <translation>这是引荐文件：请通过 文件 ▸ 合作机构… ▸ 添加合作机构 添加（或 {command}）</translation>
    </message>
    <message>
        <source>this is file no. {number} from {sender}, and file no. {number} was imported already (a different file): a replayed or conflicting file</source>
        <translation>这是来自 {sender} 的第 {number} 号文件，而第 {number} 号文件已导入（另一个文件）：重放或冲突的文件</translation>
    </message>
    <message>
        <source>this is file no. {number} from {sender}; files no. {first} must be imported first (files are imported in the order they were made)</source>
        <translation>这是来自 {sender} 的第 {number} 号文件；必须先导入第 {first} 号文件（文件按生成顺序导入）</translation>
    </message>
    <message>
        <source>this is file no. {number} from {sender}; files no. {first} to {last} must be imported first (files are imported in the order they were made)</source>
        <translation>这是来自 {sender} 的第 {number} 号文件；必须先导入第 {first} 至 {last} 号文件（文件按生成顺序导入）</translation>
    </message>
    <message>
        <source>this signature is held here with other content: evidence of tampering</source>
        <translation>本站点持有的该签名内容不同：篡改的证据</translation>
    </message>
    <message>
        <source>unknown kind of exchange file {kind}</source>
        <translation>未知的交换文件类型 {kind}</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters</source>
        <translation>{field} 超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>缺少 {field}</translation>
    </message>
    <message>
        <source>{field} is negative</source>
        <translation>{field} 为负数</translation>
    </message>
    <message>
        <source>{field} is not a record reference</source>
        <translation>{field} 不是记录引用</translation>
    </message>
    <message>
        <source>{field} names a record that is neither here nor in the file</source>
        <translation>{field} 指向的记录既不在本站点也不在文件中</translation>
    </message>
    <message>
        <source>{field} {record} is neither here nor in the file</source>
        <translation>{field} {record} 既不在本站点也不在文件中</translation>
    </message>
    <message>
        <source>{field} {value} is none of {choices}</source>
        <translation>{field} {value} 不是 {choices} 中的任何一个</translation>
    </message>
    <message>
        <source>{kind} no. {number} from {sender} ({subject}): {count} custody event added</source>
        <translation>来自 {sender} 的{kind}第 {number} 号（{subject}）：新增 {count} 个保管事件</translation>
    </message>
    <message>
        <source>{kind} no. {number} from {sender} ({subject}): {count} custody events added</source>
        <translation>来自 {sender} 的{kind}第 {number} 号（{subject}）：新增 {count} 个保管事件</translation>
    </message>
    <message>
        <source>{kind} no. {number} from {sender} was imported before: nothing changed.</source>
        <translation>来自 {sender} 的{kind}第 {number} 号此前已导入：没有任何变更。</translation>
    </message>
    <message>
        <source>{origin} did not hold the aliquot it split this from</source>
        <translation>{origin} 未持有分装出此分样的分样</translation>
    </message>
    <message>
        <source>{origin} did not hold the package (a handover is the carrying courier&apos;s)</source>
        <translation>{origin} 未持有该样品包（交接由携带它的押运员记录）</translation>
    </message>
    <message>
        <source>{origin} does not hold aliquot {aliquot} here</source>
        <translation>据本站点记录，{origin} 未持有分样 {aliquot}</translation>
    </message>
    <message>
        <source>{origin} is not a trusted partner here</source>
        <translation>{origin} 在本站点不是受信任的合作机构</translation>
    </message>
    <message>
        <source>{origin}&apos;s signature does not hold for it</source>
        <translation>{origin} 对它的签名无效</translation>
    </message>
    <message>
        <source>{partner} last saw it</source>
        <translation>{partner} 上次查看</translation>
    </message>
    <message>
        <source>{person} does not work at {borrower}: only its people receive its packages</source>
        <translation>{person} 不在 {borrower} 工作：只有该机构的人员可以接收其包裹</translation>
    </message>
    <message>
        <source>{reasons}
  - {reason}</source>
        <translation>{reasons}
  - {reason}</translation>
    </message>
    <message>
        <source>{record}: not taken, like what it signs</source>
        <translation>{record}：未采纳，其所签名的记录同样未采纳</translation>
    </message>
    <message>
        <source>{record}: {field} not taken from {sender} (it is not theirs to set)</source>
        <translation>{record}：未采纳 {sender} 的 {field}（不应由对方设定）</translation>
    </message>
    <message>
        <source>{record}: {message}</source>
        <translation>{record}：{message}</translation>
    </message>
    <message>
        <source>{sender} may not change {field} (here {ours}, in the file {theirs})</source>
        <translation>{sender} 不能更改 {field}（本站点为 {ours}，文件中为 {theirs}）</translation>
    </message>
    <message>
        <source>{sender} may not record this</source>
        <translation>{sender} 不能记录此项</translation>
    </message>
    <message>
        <source>{sender}&apos;s ledger head went from #{before} ({before_hash}…) to #{now} ({now_hash}…): evidence of tampering at the origin (its ledger was rewritten)</source>
        <translation>{sender} 的保管台账链头从 #{before}（{before_hash}…）变为 #{now}（{now_hash}…）：来源处篡改的证据（其保管台账被改写）</translation>
    </message>
    <message>
        <source>{summary}, {count} already held</source>
        <translation>{summary}，{count} 个已持有</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}。</translation>
    </message>
    <message>
        <source>{summary}; changed: {records}</source>
        <translation>{summary}；变更：{records}</translation>
    </message>
    <message>
        <source>{summary}; new: {records}</source>
        <translation>{summary}；新增：{records}</translation>
    </message>
    <message>
        <source>{title}; nothing was imported ({count} reason):
{reasons}{more}</source>
        <translation>{title}；未导入任何内容（{count} 条原因）：
{reasons}{more}</translation>
    </message>
    <message>
        <source>{title}; nothing was imported ({count} reasons):
{reasons}{more}</source>
        <translation>{title}；未导入任何内容（{count} 条原因）：
{reasons}{more}</translation>
    </message>
</context>
<context>
    <name>_domain_exchange_partners</name>
    <message>
        <source>An introduction names exactly one institution: its sender.</source>
        <translation>引荐文件只指明一个机构：其发件方。</translation>
    </message>
    <message>
        <source>Confirm {partner}&apos;s fingerprint ({key}) with them by another way before you trust it.</source>
        <translation>信任之前，请通过其他途径与 {partner} 核对其指纹（{key}）。</translation>
    </message>
    <message>
        <source>Introduction refused</source>
        <translation>引荐文件被拒绝</translation>
    </message>
    <message>
        <source>Say why the partner&apos;s key is no longer trusted.</source>
        <translation>请说明为何不再信任该合作机构的密钥。</translation>
    </message>
    <message>
        <source>The introduction names another key than the one that signed it.</source>
        <translation>引荐文件所指明的密钥与为其签名的密钥不同。</translation>
    </message>
    <message>
        <source>The introduction&apos;s key belongs to another institution here.</source>
        <translation>引荐文件的密钥在本站点属于另一个机构。</translation>
    </message>
    <message>
        <source>The introduction&apos;s key has the fingerprint {key}, not the one confirmed: do not trust it until the partner confirms it.</source>
        <translation>引荐文件的密钥指纹为 {key}，与核对的指纹不符：在合作机构确认之前请勿信任它。</translation>
    </message>
    <message>
        <source>The introduction&apos;s key is not an institution key.</source>
        <translation>引荐文件的密钥不是机构密钥。</translation>
    </message>
    <message>
        <source>The key {key} of {partner} was revoked here on {date}: its introduction is not accepted.</source>
        <translation>{partner} 的密钥 {key} 已于 {date} 在本站点被撤销信任：不接受其引荐文件。</translation>
    </message>
    <message>
        <source>There is no exchange file #{number}.</source>
        <translation>没有编号为 #{number} 的交换文件。</translation>
    </message>
    <message>
        <source>This is a {kind} file, not an introduction: import it with Import exchange file.</source>
        <translation>这是{kind}文件，不是引荐文件：请通过“导入交换文件”导入。</translation>
    </message>
    <message>
        <source>This is our own introduction.</source>
        <translation>这是本站点自己的引荐文件。</translation>
    </message>
    <message>
        <source>no institution</source>
        <translation>没有机构</translation>
    </message>
    <message>
        <source>{partner} has no trusted key here.</source>
        <translation>{partner} 在本站点没有受信任的密钥。</translation>
    </message>
    <message>
        <source>{partner} last saw our ledger at #{head} with another hash than ours now: our ledger was rewritten since</source>
        <translation>{partner} 上次所见的本方保管台账 #{head} 的哈希与本方现在的不同：此后本方保管台账被改写</translation>
    </message>
    <message>
        <source>{partner}&apos;s file no. {file} gives its ledger head as #{head}, after #{before} in file no. {earlier_file}</source>
        <translation>{partner} 的第 {file} 号文件所报保管台账链头为 #{head}，而第 {earlier_file} 号文件中为 #{before}</translation>
    </message>
</context>
<context>
    <name>_domain_exchange_records</name>
    <message>
        <source>{count} aliquot</source>
        <translation>{count} 个分样</translation>
    </message>
    <message>
        <source>{count} aliquots</source>
        <translation>{count} 个分样</translation>
    </message>
    <message>
        <source>{count} authorised receiver</source>
        <translation>{count} 名授权接收人</translation>
    </message>
    <message>
        <source>{count} authorised receivers</source>
        <translation>{count} 名授权接收人</translation>
    </message>
    <message>
        <source>{count} certificate</source>
        <translation>{count} 份证书</translation>
    </message>
    <message>
        <source>{count} certificates</source>
        <translation>{count} 份证书</translation>
    </message>
    <message>
        <source>{count} courier leg</source>
        <translation>{count} 个押运运段</translation>
    </message>
    <message>
        <source>{count} courier legs</source>
        <translation>{count} 个押运运段</translation>
    </message>
    <message>
        <source>{count} discrepancies</source>
        <translation>{count} 项差异</translation>
    </message>
    <message>
        <source>{count} discrepancy</source>
        <translation>{count} 项差异</translation>
    </message>
    <message>
        <source>{count} institution</source>
        <translation>{count} 个机构</translation>
    </message>
    <message>
        <source>{count} institutions</source>
        <translation>{count} 个机构</translation>
    </message>
    <message>
        <source>{count} loan</source>
        <translation>{count} 项借样</translation>
    </message>
    <message>
        <source>{count} loan item</source>
        <translation>{count} 个借样项</translation>
    </message>
    <message>
        <source>{count} loan items</source>
        <translation>{count} 个借样项</translation>
    </message>
    <message>
        <source>{count} loans</source>
        <translation>{count} 项借样</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} 名人员</translation>
    </message>
    <message>
        <source>{count} person</source>
        <translation>{count} 名人员</translation>
    </message>
    <message>
        <source>{count} sample</source>
        <translation>{count} 个样品</translation>
    </message>
    <message>
        <source>{count} samples</source>
        <translation>{count} 个样品</translation>
    </message>
    <message>
        <source>{count} signature</source>
        <translation>{count} 个签名</translation>
    </message>
    <message>
        <source>{count} signatures</source>
        <translation>{count} 个签名</translation>
    </message>
    <message>
        <source>{count} transfer</source>
        <translation>{count} 项转运</translation>
    </message>
    <message>
        <source>{count} transfer item</source>
        <translation>{count} 个转运项</translation>
    </message>
    <message>
        <source>{count} transfer items</source>
        <translation>{count} 个转运项</translation>
    </message>
    <message>
        <source>{count} transfers</source>
        <translation>{count} 项转运</translation>
    </message>
    <message>
        <source>{field} is not a valid bytes: {value}</source>
        <translation>{field} 不是有效的字节数据：{value}</translation>
    </message>
    <message>
        <source>{field} is not a valid date: {value}</source>
        <translation>{field} 不是有效的日期：{value}</translation>
    </message>
    <message>
        <source>{field} is not a valid time: {value}</source>
        <translation>{field} 不是有效的时间：{value}</translation>
    </message>
    <message>
        <source>{field} is out of range</source>
        <translation>{field} 超出范围</translation>
    </message>
    <message>
        <source>{field} is too long</source>
        <translation>{field} 过长</translation>
    </message>
    <message>
        <source>{field} must be a whole number</source>
        <translation>{field} 必须是整数</translation>
    </message>
    <message>
        <source>{field} must be text</source>
        <translation>{field} 必须是文本</translation>
    </message>
    <message>
        <source>{field} must be true or false</source>
        <translation>{field} 必须是 true 或 false</translation>
    </message>
    <message>
        <source>{field}: unknown kind {kind}</source>
        <translation>{field}：未知类型 {kind}</translation>
    </message>
    <message>
        <source>{records}, {record}</source>
        <translation>{records}、{record}</translation>
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
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>{name} has no PIN; use the password.</source>
        <translation>{name} 没有 PIN 码；请使用密码。</translation>
    </message>
</context>
<context>
    <name>_domain_importer</name>
    <message>
        <source>&apos;{path}&apos; cannot be read: {reason}.</source>
        <translation>无法读取“{path}”：{reason}。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>导入已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Samples are imported by the lending curation facility.</source>
        <translation>样品由出借方的样品管理机构导入。</translation>
    </message>
    <message>
        <source>There is no file &apos;{path}&apos;.</source>
        <translation>文件“{path}”不存在。</translation>
    </message>
    <message>
        <source>aliquot (the aliquot number) is empty</source>
        <translation>aliquot（分样编号）为空</translation>
    </message>
    <message>
        <source>aliquot {aliquot} does not belong to sample {sample}</source>
        <translation>分样 {aliquot} 不属于样品 {sample}</translation>
    </message>
    <message>
        <source>aliquot {number} appears already on line {line}</source>
        <translation>分样 {number} 已在第 {line} 行出现过</translation>
    </message>
    <message>
        <source>generic &apos;{number}&apos; is not a NASA generic number such as 70017</source>
        <translation>generic“{number}”不是 70017 这样的 NASA generic 编号</translation>
    </message>
    <message>
        <source>generic (the sample number) is empty</source>
        <translation>generic（样品编号）为空</translation>
    </message>
    <message>
        <source>mass is empty</source>
        <translation>mass（质量）为空</translation>
    </message>
    <message>
        <source>sample {number} appears already on line {line}</source>
        <translation>样品 {number} 已在第 {line} 行出现过</translation>
    </message>
    <message>
        <source>sample {number} is registered already</source>
        <translation>样品 {number} 已登记</translation>
    </message>
    <message>
        <source>the column {columns} appears twice</source>
        <translation>列 {columns} 出现了两次</translation>
    </message>
    <message>
        <source>the columns {columns} appear twice</source>
        <translation>列 {columns} 各出现了两次</translation>
    </message>
    <message>
        <source>the file is empty; the first line must name the columns</source>
        <translation>文件为空；第一行必须写明各列的名称</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as CSV UTF-8 and try again</source>
        <translation>文件不是 UTF-8 文本；请另存为 CSV UTF-8 后重试</translation>
    </message>
    <message>
        <source>the header is not one we can read: NASA&apos;s curation layout needs the column {columns} (found: {found})</source>
        <translation>无法识别表头：NASA 样品管理目录格式需要列 {columns}（现有：{found}）</translation>
    </message>
    <message>
        <source>the header is not one we can read: NASA&apos;s curation layout needs the columns {columns} (found: {found})</source>
        <translation>无法识别表头：NASA 样品管理目录格式需要以下各列：{columns}（现有：{found}）</translation>
    </message>
    <message>
        <source>the header is not one we can read: the sample/aliquot layout needs the column {columns} (found: {found})</source>
        <translation>无法识别表头：样品/分样格式需要列 {columns}（现有：{found}）</translation>
    </message>
    <message>
        <source>the header is not one we can read: the sample/aliquot layout needs the columns {columns} (found: {found})</source>
        <translation>无法识别表头：样品/分样格式需要以下各列：{columns}（现有：{found}）</translation>
    </message>
    <message>
        <source>the row has {fields} fields but the header has {columns}</source>
        <translation>该行有 {fields} 个字段，但表头有 {columns} 个</translation>
    </message>
    <message>
        <source>the row is not valid CSV ({error})</source>
        <translation>该行不是有效的 CSV（{error}）</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is more precise than one microgram</source>
        <translation>{column}“{raw}”精确到了微克以下</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is more than {most}: not plausible</source>
        <translation>{column}“{raw}”超过 {most}：不合理</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is not a mass</source>
        <translation>{column}“{raw}”不是有效的质量</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is not a mass: it is negative</source>
        <translation>{column}“{raw}”不是有效的质量：它是负数</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is zero; an aliquot must hold some material</source>
        <translation>{column}“{raw}”为零；分样必须含有样品物质</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; rounds to 0 µg</source>
        <translation>{column}“{raw}”舍入后为 0 µg</translation>
    </message>
    <message>
        <source>{column} &apos;{value}&apos; of sample {sample} differs from &apos;{known}&apos; on line {line}</source>
        <translation>样品 {sample} 的 {column}“{value}”与第 {line} 行的“{known}”不同</translation>
    </message>
</context>
<context>
    <name>_domain_inventory</name>
    <message>
        <source> Weighed {mass}.</source>
        <translation> 称量 {mass}。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is missing and not reported lost: report it lost first.</source>
        <translation>分样 {aliquot} 缺失且未报告丢失：请先报告丢失。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is not expected in inventory {number}.</source>
        <translation>分样 {aliquot} 不在盘点 {number} 的应有清单中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is reported lost already.</source>
        <translation>分样 {aliquot} 已报告丢失。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} was reported lost in this inventory.</source>
        <translation>分样 {aliquot} 已在本次盘点中报告丢失。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} was reported lost in this inventory; a find now is a correction for the lender&apos;s curator.</source>
        <translation>分样 {aliquot} 已在本次盘点中报告丢失；现在找到，须由出借方样品管理员更正。</translation>
    </message>
    <message>
        <source>Inventory {number} is {status}; it cannot be changed.</source>
        <translation>盘点 {number} 为{status}状态，不能更改。</translation>
    </message>
    <message>
        <source>Inventory {number} of loan {loan} is still open: finish or cancel it first.</source>
        <translation>借样 {loan} 的盘点 {number} 仍在进行：请先完成或取消。</translation>
    </message>
    <message>
        <source>Loan {loan} is not active: there is nothing held under it to inventory.</source>
        <translation>借样 {loan} 未生效：其项下没有可盘点的持有物。</translation>
    </message>
    <message>
        <source>Missing at inventory {number}: {note}</source>
        <translation>盘点 {number} 时缺失：{note}</translation>
    </message>
    <message>
        <source>Only {institution}, which holds the material of loan {loan}, takes its inventory.</source>
        <translation>只有持有借样 {loan} 样品的 {institution} 才能进行其盘点。</translation>
    </message>
    <message>
        <source>Only {pi}, the principal investigator of loan {loan}, certifies its inventory.</source>
        <translation>只有借样 {loan} 的项目负责人 {pi} 才能证明其盘点。</translation>
    </message>
    <message>
        <source>Scan or type an aliquot number.</source>
        <translation>请扫描或输入分样编号。</translation>
    </message>
    <message>
        <source>The grace period is a whole number of days, 0 to 365.</source>
        <translation>宽限期为 0 至 365 之间的整数天数。</translation>
    </message>
    <message>
        <source>There is no inventory &apos;{number}&apos;.</source>
        <translation>没有盘点“{number}”。</translation>
    </message>
    <message>
        <source>You sign with your own password, not someone else&apos;s.</source>
        <translation>请用您自己的密码签名，而不是他人的。</translation>
    </message>
    <message>
        <source>aliquot number</source>
        <translation>分样编号</translation>
    </message>
    <message>
        <source>measured mass</source>
        <translation>实测质量</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{count} expected aliquot(s) are neither found nor marked missing.</source>
        <translation>{count} 个应有分样既未找到也未标记为缺失。</translation>
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
    <name>_domain_ledger</name>
    <message>
        <source>  - [{where}] {finding}</source>
        <translation>  - [{where}] {finding}</translation>
    </message>
    <message>
        <source>  - {finding}</source>
        <translation>  - {finding}</translation>
    </message>
    <message>
        <source>  ... and {count} more problems</source>
        <translation>  …… 另有 {count} 个问题</translation>
    </message>
    <message>
        <source>A &apos;{kind}&apos; event cannot follow status &apos;{status}&apos;.</source>
        <translation>“{kind}”事件不能发生在状态“{status}”之后。</translation>
    </message>
    <message>
        <source>A database owner can drop or disable any trigger: the append-only guards stop mistakes, while the hashes, signatures and anchors are the real protection.</source>
        <translation>数据库所有者可以删除或停用任何触发器：只追加保护防止的是误操作，真正的保护是哈希、签名和锚点。</translation>
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
        <source>Audit trail: {entries}, head {hash}; {records} in {tables} compared with it.</source>
        <translation>审计记录：{entries}，链头 {hash}；已将 {tables}中的 {records}与之比对。</translation>
    </message>
    <message>
        <source>Chain head: {hash}</source>
        <translation>链头：{hash}</translation>
    </message>
    <message>
        <source>Database integrity: {checked}</source>
        <translation>数据库完整性：{checked}</translation>
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
        <source>FAILED.</source>
        <translation>未通过。</translation>
    </message>
    <message>
        <source>FAILED: first bad audit entry is #{entry}.</source>
        <translation>未通过：第一个有问题的审计条目是 #{entry}。</translation>
    </message>
    <message>
        <source>FAILED: first bad event is #{event}.</source>
        <translation>未通过：第一个有问题的事件是 #{event}。</translation>
    </message>
    <message>
        <source>FAILED: first bad event is #{event}; first bad audit entry is #{entry}.</source>
        <translation>未通过：第一个有问题的事件是 #{event}；第一个有问题的审计条目是 #{entry}。</translation>
    </message>
    <message>
        <source>Ledger: {events}, {aliquots}.</source>
        <translation>保管台账：{events}，{aliquots}。</translation>
    </message>
    <message>
        <source>Mode: {mode}</source>
        <translation>模式：{mode}</translation>
    </message>
    <message>
        <source>OK: hash chain intact, mass balance holds, one custodian per aliquot.</source>
        <translation>通过：哈希链完整，质量平衡成立，每个分样只有一个保管方。</translation>
    </message>
    <message>
        <source>OK: hash chain intact, mass balance holds, one custodian per aliquot; audit trail chain intact and {records} in {tables} as it says.</source>
        <translation>通过：哈希链完整，质量平衡成立，每个分样只有一个保管方；审计记录链完整，{tables}中的 {records}与其记载一致。</translation>
    </message>
    <message>
        <source>OK: hash chain intact, mass balance holds, one custodian per aliquot; audit trail chain intact and {records} in {tables} as it says; {terms} signed loan terms and resolutions as signed.</source>
        <translation>通过：哈希链完整，质量平衡成立，每个分样只有一个保管方；审计记录链完整，{tables}中的 {records}与其记载一致；{terms} 份已签名的借用条款和处理结论与签名时一致。</translation>
    </message>
    <message>
        <source>OK: hash chain intact, mass balance holds, one custodian per aliquot; {terms} signed loan terms and resolutions as signed.</source>
        <translation>通过：哈希链完整，质量平衡成立，每个分样只有一个保管方；{terms} 份已签名的借用条款和处理结论与签名时一致。</translation>
    </message>
    <message>
        <source>Signatures: {checked}</source>
        <translation>签名：{checked}</translation>
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
    <message>
        <source>{count} aliquot</source>
        <translation>{count} 个分样</translation>
    </message>
    <message>
        <source>{count} aliquots</source>
        <translation>{count} 个分样</translation>
    </message>
    <message>
        <source>{count} custody event</source>
        <translation>{count} 个保管事件</translation>
    </message>
    <message>
        <source>{count} custody events</source>
        <translation>{count} 个保管事件</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} 个条目</translation>
    </message>
    <message>
        <source>{count} entry</source>
        <translation>{count} 个条目</translation>
    </message>
    <message>
        <source>{count} record</source>
        <translation>{count} 条记录</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} 条记录</translation>
    </message>
    <message>
        <source>{count} table</source>
        <translation>{count} 个表</translation>
    </message>
    <message>
        <source>{count} tables</source>
        <translation>{count} 个表</translation>
    </message>
</context>
<context>
    <name>_domain_loans</name>
    <message>
        <source>A loan has no editable field &apos;{field}&apos;.</source>
        <translation>借样没有可编辑的字段“{field}”。</translation>
    </message>
    <message>
        <source>A loan must end after it starts.</source>
        <translation>借样的到期日必须晚于开始日期。</translation>
    </message>
    <message>
        <source>A loan runs five years at most; extend it later if needed.</source>
        <translation>借用期限最长五年；如有需要，以后再延期。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is not in the lender&apos;s storage.</source>
        <translation>分样 {aliquot} 不在出借方库中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is not on loan {loan}.</source>
        <translation>分样 {aliquot} 不在借样 {loan} 中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is on loan {loan} already.</source>
        <translation>分样 {aliquot} 已在借样 {loan} 中。</translation>
    </message>
    <message>
        <source>INVALID: the terms were changed after it</source>
        <translation>无效：此后借用条款已被更改</translation>
    </message>
    <message>
        <source>Loan {number} has a package under way; cancel that first.</source>
        <translation>借样 {number} 有一个样品包正在途中；请先取消该样品包。</translation>
    </message>
    <message>
        <source>Loan {number} has a package under way; receive or cancel it first.</source>
        <translation>借样 {number} 有一个样品包正在途中；请先接收或取消该样品包。</translation>
    </message>
    <message>
        <source>Loan {number} is managed by {institution}.</source>
        <translation>借样 {number} 由 {institution} 管理。</translation>
    </message>
    <message>
        <source>Loan {number} is {status} already.</source>
        <translation>借样 {number} 已处于{status}状态。</translation>
    </message>
    <message>
        <source>Loans are prepared by the lending institution.</source>
        <translation>借样由出借机构准备。</translation>
    </message>
    <message>
        <source>Name at least one aliquot to add.</source>
        <translation>请至少指定一个要添加的分样。</translation>
    </message>
    <message>
        <source>The new end date must be after the current one ({due_on}).</source>
        <translation>新的到期日必须晚于当前到期日（{due_on}）。</translation>
    </message>
    <message>
        <source>The terms of loan {number} are not those signed by {name} ({meaning}) on {moment}: the loan or its items were changed outside the program after that signature.</source>
        <translation>借样 {number} 的借用条款与 {name} 于 {moment} 签名（{meaning}）时的条款不一致：该签名之后，借样或其借样项在本程序之外被更改过。</translation>
    </message>
    <message>
        <source>You sign with your own password, not someone else&apos;s.</source>
        <translation>请用您自己的密码签名，不能用他人的密码。</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>co investigators</source>
        <translation>合作研究人员</translation>
    </message>
    <message>
        <source>co-investigators</source>
        <translation>合作研究人员</translation>
    </message>
    <message>
        <source>countersigned</source>
        <translation>会签</translation>
    </message>
    <message>
        <source>extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>not checked: the loan was cancelled</source>
        <translation>未核验：借样已取消</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>reason for the extension</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <source>superseded by an extension</source>
        <translation>已被延期取代</translation>
    </message>
    <message>
        <source>terms as signed</source>
        <translation>条款与签名时一致</translation>
    </message>
    <message>
        <source>{institution} is not an active borrowing institution.</source>
        <translation>{institution} 不是有效的借用机构。</translation>
    </message>
    <message>
        <source>{person} does not work at {institution}.</source>
        <translation>{person} 不在 {institution} 工作。</translation>
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
    <name>_domain_numbering</name>
    <message>
        <source>&apos;{number}&apos; is not a sample number: expected Chang&apos;e style such as CE5C0400 or a NASA generic such as 70017.</source>
        <translation>“{number}”不是样品编号：应为嫦娥样式（如 CE5C0400）或 NASA 通用编号（如 70017）。</translation>
    </message>
    <message>
        <source>&apos;{number}&apos; is not an aliquot number: expected Chang&apos;e style such as CE5C0400YJFM00505 (a split adds -G1) or NASA style such as 70017,125.</source>
        <translation>“{number}”不是分样编号：应为嫦娥样式（如 CE5C0400YJFM00505，分装后加 -G1）或 NASA 样式（如 70017,125）。</translation>
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
    <name>_domain_permissions</name>
    <message>
        <source>A person needs at least one role.</source>
        <translation>每个人员至少需要一个角色。</translation>
    </message>
    <message>
        <source>Only {who} may {doing}.</source>
        <translation>只有{who}可以{doing}。</translation>
    </message>
    <message>
        <source>Unknown role {roles}; roles are {known}.</source>
        <translation>未知角色 {roles}；可用的角色为 {known}。</translation>
    </message>
    <message>
        <source>Unknown roles {roles}; roles are {known}.</source>
        <translation>未知角色 {roles}；可用的角色为 {known}。</translation>
    </message>
    <message>
        <source>a courier</source>
        <translation>押运员</translation>
    </message>
    <message>
        <source>a curator</source>
        <translation>样品管理员</translation>
    </message>
    <message>
        <source>a curator or lab manager</source>
        <translation>样品管理员或实验室主管</translation>
    </message>
    <message>
        <source>a curator or lab manager or courier</source>
        <translation>样品管理员、实验室主管或押运员</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>an administrator or curator</source>
        <translation>管理员或样品管理员</translation>
    </message>
    <message>
        <source>approve loans</source>
        <translation>批准借样</translation>
    </message>
    <message>
        <source>attest clearance items</source>
        <translation>确认审查项</translation>
    </message>
    <message>
        <source>carry packages as a courier</source>
        <translation>作为押运员携带样品包</translation>
    </message>
    <message>
        <source>change the installation&apos;s settings</source>
        <translation>更改站点设置</translation>
    </message>
    <message>
        <source>choose the languages of a partner&apos;s documents</source>
        <translation>选择合作机构文件的语言</translation>
    </message>
    <message>
        <source>close loans</source>
        <translation>结束借样</translation>
    </message>
    <message>
        <source>confirm receipts</source>
        <translation>确认接收</translation>
    </message>
    <message>
        <source>countersign loans</source>
        <translation>会签借样</translation>
    </message>
    <message>
        <source>exchange files with partner installations</source>
        <translation>与合作机构站点交换文件</translation>
    </message>
    <message>
        <source>extend loans</source>
        <translation>为借样延期</translation>
    </message>
    <message>
        <source>import samples</source>
        <translation>导入样品</translation>
    </message>
    <message>
        <source>manage institutions</source>
        <translation>管理机构</translation>
    </message>
    <message>
        <source>manage people</source>
        <translation>管理人员</translation>
    </message>
    <message>
        <source>prepare loans</source>
        <translation>起草借样</translation>
    </message>
    <message>
        <source>prepare packages</source>
        <translation>准备样品包</translation>
    </message>
    <message>
        <source>record consumption</source>
        <translation>记录消耗</translation>
    </message>
    <message>
        <source>record corrections</source>
        <translation>记录更正</translation>
    </message>
    <message>
        <source>register samples</source>
        <translation>登记样品</translation>
    </message>
    <message>
        <source>release packages</source>
        <translation>发出样品包</translation>
    </message>
    <message>
        <source>report an aliquot lost</source>
        <translation>报告分样丢失</translation>
    </message>
    <message>
        <source>resolve discrepancies</source>
        <translation>处理差异</translation>
    </message>
    <message>
        <source>split aliquots</source>
        <translation>分装分样</translation>
    </message>
    <message>
        <source>take inventories</source>
        <translation>进行盘点</translation>
    </message>
    <message>
        <source>waive clearance items</source>
        <translation>豁免审查项</translation>
    </message>
</context>
<context>
    <name>_domain_queries_clearance</name>
    <message>
        <source>Renew &apos;{title}&apos; of loan {number} before it expires.</source>
        <translation>请在到期前续办借样 {number} 的“{title}”。</translation>
    </message>
</context>
<context>
    <name>_domain_queries_documents</name>
    <message>
        <source>Name at least one aliquot to print labels for.</source>
        <translation>请至少指定一个要打印标签的分样。</translation>
    </message>
    <message>
        <source>There is no aliquot {aliquot}.</source>
        <translation>没有分样 {aliquot}。</translation>
    </message>
</context>
<context>
    <name>_domain_queries_pictures</name>
    <message>
        <source>There is no sample {sample}.</source>
        <translation>没有样品 {sample}。</translation>
    </message>
    <message>
        <source>aliquot {number}</source>
        <translation>分样 {number}</translation>
    </message>
    <message>
        <source>an unknown holder</source>
        <translation>不明保管方</translation>
    </message>
    <message>
        <source>children recorded elsewhere</source>
        <translation>记录于他处的子分样</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>held by {holder}</source>
        <translation>保管于 {holder}</translation>
    </message>
    <message>
        <source>in aliquots recorded elsewhere</source>
        <translation>在记录于他处的分样中</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>initial mass</source>
        <translation>初始质量</translation>
    </message>
    <message>
        <source>kept in {number}</source>
        <translation>留在 {number}</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>no custodian</source>
        <translation>无保管方</translation>
    </message>
    <message>
        <source>not split into aliquots</source>
        <translation>未分装成分样</translation>
    </message>
    <message>
        <source>original mass</source>
        <translation>原始质量</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <source>sample {number}</source>
        <translation>样品 {number}</translation>
    </message>
    <message>
        <source>unknown holder</source>
        <translation>保管方不明</translation>
    </message>
    <message>
        <source>{count} more part</source>
        <translation>另有 {count} 个部分</translation>
    </message>
    <message>
        <source>{count} more parts</source>
        <translation>另有 {count} 个部分</translation>
    </message>
</context>
<context>
    <name>_domain_queries_reminders</name>
    <message>
        <source>Return the material of loan {number} or ask for an extension.</source>
        <translation>请归还借样 {number} 的样品，或申请延期。</translation>
    </message>
    <message>
        <source>Take and certify the annual inventory of loan {number}.</source>
        <translation>请进行并证明借样 {number} 的年度盘点。</translation>
    </message>
</context>
<context>
    <name>_domain_queries_shipping</name>
    <message>
        <source>There is no discrepancy #{id}.</source>
        <translation>没有差异 #{id}。</translation>
    </message>
</context>
<context>
    <name>_domain_receivers</name>
    <message>
        <source>function</source>
        <translation>职责</translation>
    </message>
</context>
<context>
    <name>_domain_record_check</name>
    <message>
        <source>#{first} to #{last}</source>
        <translation>#{first} 至 #{last}</translation>
    </message>
    <message>
        <source>(a secret)</source>
        <translation>（机密值）</translation>
    </message>
    <message>
        <source>Audit entries (all of them) were removed: the audit trail&apos;s head names entry #{head}.</source>
        <translation>审计条目（全部）已被删除：审计记录的链头指向条目 #{head}。</translation>
    </message>
    <message>
        <source>Audit entries after #{last} were removed: the audit trail&apos;s head names entry #{head}.</source>
        <translation>#{last} 之后的审计条目已被删除：审计记录的链头指向条目 #{head}。</translation>
    </message>
    <message>
        <source>Audit entries before #{entry} were removed: it was written after an entry that is gone.</source>
        <translation>#{entry} 之前的审计条目已被删除：它写入时接在一条已不存在的条目之后。</translation>
    </message>
    <message>
        <source>Audit entry #{before} was changed and its hash recomputed (or one after it was removed): entry #{entry} was written after different content.</source>
        <translation>审计条目 #{before} 被修改且其哈希被重新计算（或其后的一条被删除）：条目 #{entry} 写入时接在不同的内容之后。</translation>
    </message>
    <message>
        <source>Audit entry #{entry} was changed and its hash recomputed: the audit trail&apos;s head names another hash.</source>
        <translation>审计条目 #{entry} 被修改且其哈希被重新计算：审计记录的链头记载的是另一个哈希。</translation>
    </message>
    <message>
        <source>Audit entry #{entry} was changed or forged: its content does not match its hash.</source>
        <translation>审计条目 #{entry} 被修改或伪造：其内容与其哈希不符。</translation>
    </message>
    <message>
        <source>Audit entry #{entry} was inserted after the last entry the program wrote (#{head}).</source>
        <translation>审计条目 #{entry} 是在程序写入的最后一条条目（#{head}）之后插入的。</translation>
    </message>
    <message>
        <source>Audit entry #{entry} was moved: it was written after entry #{followed}.</source>
        <translation>审计条目 #{entry} 被移动过：它写入时接在条目 #{followed} 之后。</translation>
    </message>
    <message>
        <source>Audit entry {entries} was inserted: entry #{entry} was written right after entry #{followed}.</source>
        <translation>审计条目 {entries} 是插入的：条目 #{entry} 写入时紧接在条目 #{followed} 之后。</translation>
    </message>
    <message>
        <source>Audit entry {entries} was removed (deleted): entry #{entry} was written after an entry that is gone.</source>
        <translation>审计条目 {entries} 已被删除：条目 #{entry} 写入时接在一条已不存在的条目之后。</translation>
    </message>
    <message>
        <source>In {record}, {field} is {actual} but the audit trail says {expected} ({setter}): changed outside the program.</source>
        <translation>{record} 中，{field} 为 {actual}，但审计记录为 {expected}（{setter}）：在程序之外被修改。</translation>
    </message>
    <message>
        <source>In {record}, {field} is {actual} but the audit trail says {expected}: changed outside the program.</source>
        <translation>{record} 中，{field} 为 {actual}，但审计记录为 {expected}：在程序之外被修改。</translation>
    </message>
    <message>
        <source>In {record}, {field} was replaced outside the program: it is not the one the audit trail recorded ({setter}).</source>
        <translation>{record} 中，{field} 在程序之外被替换：它不是审计记录所记的值（{setter}）。</translation>
    </message>
    <message>
        <source>In {record}, {field} was replaced outside the program: it is not the one the audit trail recorded.</source>
        <translation>{record} 中，{field} 在程序之外被替换：它不是审计记录所记的值。</translation>
    </message>
    <message>
        <source>In {record}, {finding}</source>
        <translation>{record} 中，{finding}</translation>
    </message>
    <message>
        <source>The resolution of discrepancy {number} is not the one signed by {signer} (resolved) on {moment}: it was changed outside the program after that signature.</source>
        <translation>差异 {number} 的处理结果不是 {signer} 于 {moment} 签名（处理）的那一份：它在该签名之后于程序之外被修改。</translation>
    </message>
    <message>
        <source>Verification was cancelled.</source>
        <translation>核验已取消。</translation>
    </message>
    <message>
        <source>audit entry #{entry} changed {field} from {old}, but the audit trail had {had} ({setter}): it was changed outside the program in between.</source>
        <translation>审计条目 #{entry} 将 {field} 从 {old} 修改，但审计记录中当时为 {had}（{setter}）：其间在程序之外被修改过。</translation>
    </message>
    <message>
        <source>audit entry #{entry} changed {field} from {old}, but the audit trail had {had}: it was changed outside the program in between.</source>
        <translation>审计条目 #{entry} 将 {field} 从 {old} 修改，但审计记录中当时为 {had}：其间在程序之外被修改过。</translation>
    </message>
    <message>
        <source>audit entry #{entry} does not hold a readable row (baseline).</source>
        <translation>审计条目 #{entry} 中没有可读的行（基线）。</translation>
    </message>
    <message>
        <source>audit entry #{entry} does not hold a readable row (create).</source>
        <translation>审计条目 #{entry} 中没有可读的行（创建）。</translation>
    </message>
    <message>
        <source>audit entry #{entry}, baseline on {moment}</source>
        <translation>审计条目 #{entry}，{moment} 基线记录</translation>
    </message>
    <message>
        <source>audit entry #{entry}, create on {moment}</source>
        <translation>审计条目 #{entry}，{moment} 创建</translation>
    </message>
    <message>
        <source>audit entry #{entry}, delete on {moment}</source>
        <translation>审计条目 #{entry}，{moment} 删除</translation>
    </message>
    <message>
        <source>audit entry #{entry}, update on {moment}</source>
        <translation>审计条目 #{entry}，{moment} 更新</translation>
    </message>
    <message>
        <source>audit entry #{entry}, {action} on {moment}</source>
        <translation>审计条目 #{entry}，{moment} {action}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>{record} was deleted outside the program: the audit trail&apos;s last entry for it ({setter}) does not delete it.</source>
        <translation>{record} 在程序之外被删除：审计记录中关于它的最后一条条目（{setter}）并未删除它。</translation>
    </message>
    <message>
        <source>{record} was inserted outside the program: the audit trail deleted it ({setter}) and never recorded it again.</source>
        <translation>{record} 是在程序之外插入的：审计记录已将其删除（{setter}），此后再未记录它。</translation>
    </message>
    <message>
        <source>{record} was inserted outside the program: the audit trail has no record of it.</source>
        <translation>{record} 是在程序之外插入的：审计记录中没有它的记录。</translation>
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
    <name>_domain_reminders</name>
    <message>
        <source>30 days late</source>
        <translation>逾期 30 天</translation>
    </message>
    <message>
        <source>7 days late</source>
        <translation>逾期 7 天</translation>
    </message>
    <message>
        <source>Annual inventory</source>
        <translation>年度盘点</translation>
    </message>
    <message>
        <source>Clearance item expiring</source>
        <translation>合规许可项即将到期</translation>
    </message>
    <message>
        <source>Deliverable owed</source>
        <translation>应交成果</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <source>Loan due back</source>
        <translation>借样到期归还</translation>
    </message>
    <message>
        <source>More than 60 days late</source>
        <translation>逾期超过 60 天</translation>
    </message>
    <message>
        <source>due in {nearest}–{farthest} days</source>
        <translation>{nearest}–{farthest} 天后到期</translation>
    </message>
    <message>
        <source>due today or up to {last} days late</source>
        <translation>今天到期或逾期不超过 {last} 天</translation>
    </message>
    <message>
        <source>over {over} days late</source>
        <translation>逾期超过 {over} 天</translation>
    </message>
    <message>
        <source>{first}–{last} days late</source>
        <translation>逾期 {first}–{last} 天</translation>
    </message>
</context>
<context>
    <name>_domain_rules</name>
    <message>
        <source>Aliquot {aliquot} cannot be consumed here: it is on no active loan.</source>
        <translation>分样 {aliquot} 不能在此消耗：它不在任何生效中的借样中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is already on another open loan.</source>
        <translation>分样 {aliquot} 已在另一项未结束的借样中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is already on open loan {loan}.</source>
        <translation>分样 {aliquot} 已在未结束的借样 {loan} 中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is held by {custodian}; only its custodian may record its consumption.</source>
        <translation>分样 {aliquot} 由 {custodian} 保管；只有其保管方可以记录其消耗。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is held by {custodian}; only its custodian may split it.</source>
        <translation>分样 {aliquot} 由 {custodian} 保管；只有其保管方可以将其分装。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is held by {holder}; only an aliquot in your storage can be lent.</source>
        <translation>分样 {aliquot} 由 {holder} 保管；只有在您库中的分样才能出借。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is reported lost already.</source>
        <translation>分样 {aliquot} 已被报告丢失。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is {status}; nothing is left to lose.</source>
        <translation>分样 {aliquot} 当前状态为{status}；已没有可丢失的部分。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is {status}; only an aliquot in storage can be consumed.</source>
        <translation>分样 {aliquot} 当前状态为{status}；只有在库的分样才能消耗。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is {status}; only an aliquot in storage can be lent.</source>
        <translation>分样 {aliquot} 当前状态为{status}；只有在库的分样才能出借。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is {status}; only an aliquot in storage can be split.</source>
        <translation>分样 {aliquot} 当前状态为{status}；只有在库的分样才能分装。</translation>
    </message>
    <message>
        <source>Clearance is not complete: {count} item open: {titles}.</source>
        <translation>审查未完成：{count} 项未办：{titles}。</translation>
    </message>
    <message>
        <source>Clearance is not complete: {count} items open: {titles}.</source>
        <translation>审查未完成：{count} 项未办：{titles}。</translation>
    </message>
    <message>
        <source>Discrepancy #{id} was resolved already.</source>
        <translation>差异 #{id} 已处理。</translation>
    </message>
    <message>
        <source>Loan {loan} does not allow destructive analysis of {aliquot}.</source>
        <translation>借样 {loan} 不允许对分样 {aliquot} 进行破坏性分析。</translation>
    </message>
    <message>
        <source>Loan {number} cannot be approved: it has no items yet.</source>
        <translation>借样 {number} 不能批准：它还没有借样项。</translation>
    </message>
    <message>
        <source>Loan {number} cannot be cancelled: it has shipped items (close it instead).</source>
        <translation>借样 {number} 不能取消：它已有发运的借样项（请改为结束该借样）。</translation>
    </message>
    <message>
        <source>Loan {number} cannot be closed: deliverables still open ({titles}). Record them delivered or waive them first.</source>
        <translation>借样 {number} 不能结束：仍有未完成的应交成果（{titles}）。请先记录已提交或予以免除。</translation>
    </message>
    <message>
        <source>Loan {number} cannot be closed: the return accounting does not balance until the discrepancy found at receipt ({items}) is resolved. Resolve it first.</source>
        <translation>借样 {number} 不能结束：接收时发现的差异（{items}）处理之前，归还核算不平衡。请先处理该差异。</translation>
    </message>
    <message>
        <source>Loan {number} cannot be closed: the return accounting of {aliquot} does not balance (issued {issued} µg, accounted for {accounted} µg). Resolve the difference with a recorded loss or correction first.</source>
        <translation>借样 {number} 不能结束：{aliquot} 的归还核算不平衡（已发出 {issued} µg，已核算 {accounted} µg）。请先以损失记录或更正解决差额。</translation>
    </message>
    <message>
        <source>Loan {number} cannot be closed: {count} item is still out ({items}). Return them, or record consumption or loss first.</source>
        <translation>借样 {number} 不能结束：仍有 {count} 个借样项未了结（{items}）。请先归还，或记录其消耗或丢失。</translation>
    </message>
    <message>
        <source>Loan {number} cannot be closed: {count} items are still out ({items}). Return them, or record consumption or loss first.</source>
        <translation>借样 {number} 不能结束：仍有 {count} 个借样项未了结（{items}）。请先归还，或记录其消耗或丢失。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; it cannot be extended.</source>
        <translation>借样 {number} 当前状态为{status}；不能延期。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; its authorised receivers can no longer change.</source>
        <translation>借样 {number} 当前状态为{status}；其授权接收人已不能再变更。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; its clearance can no longer change.</source>
        <translation>借样 {number} {status}，其审查清单不能再更改。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; only a draft loan can be approved.</source>
        <translation>借样 {number} 当前状态为{status}；只有草稿状态的借样才能批准。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; only a draft loan can be changed.</source>
        <translation>借样 {number} 当前状态为{status}；只有草稿状态的借样才能更改。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; only a draft loan can be edited.</source>
        <translation>借样 {number} 当前状态为{status}；只有草稿状态的借样才能编辑。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; only a draft, approved or active loan can be cancelled.</source>
        <translation>借样 {number} 当前状态为{status}；只有草稿、已批准或生效中的借样才能取消。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; only an active loan can be closed.</source>
        <translation>借样 {number} 当前状态为{status}；只有生效中的借样才能结束。</translation>
    </message>
    <message>
        <source>Loan {number} is {status}; only an approved loan can be countersigned.</source>
        <translation>借样 {number} 当前状态为{status}；只有已批准的借样才能会签。</translation>
    </message>
    <message>
        <source>Loan {number} needs at least one authorised receiver.</source>
        <translation>借样 {number} 至少需要一名授权接收人。</translation>
    </message>
    <message>
        <source>Loan {number} never shipped anything; cancel it instead.</source>
        <translation>借样 {number} 从未发运任何样品；请改为取消该借样。</translation>
    </message>
    <message>
        <source>Only an authorised receiver of loan {loan} ({receivers}) may confirm this receipt.</source>
        <translation>只有借样 {loan} 的授权接收人（{receivers}）可以确认此次接收。</translation>
    </message>
    <message>
        <source>Only the curators, lab managers or administrators of {borrower}, or the lender&apos;s curators, change the authorised receivers of loan {number}.</source>
        <translation>只有 {borrower} 的样品管理员、实验室主管或管理员，或出借方的样品管理员，可以变更借样 {number} 的授权接收人。</translation>
    </message>
    <message>
        <source>Only the holder of {aliquot} or the lender&apos;s curator may report it lost.</source>
        <translation>只有分样 {aliquot} 的持有人或出借方的样品管理员可以报告其丢失。</translation>
    </message>
    <message>
        <source>Only the lender&apos;s curators may correct the ledger.</source>
        <translation>只有出借方的样品管理员可以更正保管台账。</translation>
    </message>
    <message>
        <source>Only the lender&apos;s curators resolve discrepancies.</source>
        <translation>只有出借方的样品管理员可以处理差异。</translation>
    </message>
    <message>
        <source>Only the named receiver, {receiver}, may confirm this receipt.</source>
        <translation>只有指定的接收人 {receiver} 可以确认此次接收。</translation>
    </message>
    <message>
        <source>Only {borrower}, the borrower, countersigns loan {number}.</source>
        <translation>只有借用方 {borrower} 可以会签借样 {number}。</translation>
    </message>
    <message>
        <source>Only {institution}, the receiver, transcribes the custody form of transfer {number}.</source>
        <translation>只有接收方 {institution} 可以补录转运 {number} 的保管交接单。</translation>
    </message>
    <message>
        <source>Only {institution}, the sender, cancels transfer {number}.</source>
        <translation>只有发件方 {institution} 可以取消转运 {number}。</translation>
    </message>
    <message>
        <source>Only {institution}, the sender, releases transfer {number}.</source>
        <translation>只有发件方 {institution} 可以发出转运 {number}。</translation>
    </message>
    <message>
        <source>Only {lender} or {borrower} attest clearance items of loan {number}.</source>
        <translation>只有{lender}或{borrower}可确认借样 {number} 的审查项。</translation>
    </message>
    <message>
        <source>Only {lender}, the lender, waives clearance items of loan {number}.</source>
        <translation>只有出借方{lender}可豁免借样 {number} 的审查项。</translation>
    </message>
    <message>
        <source>Transfer {number} is {status}, not in transit.</source>
        <translation>转运 {number} 当前状态为{status}，不在运输中。</translation>
    </message>
    <message>
        <source>Transfer {number} is {status}; only a prepared one can be cancelled.</source>
        <translation>转运 {number} 当前状态为{status}；只有已备妥的转运才能取消。</translation>
    </message>
    <message>
        <source>Transfer {number} is {status}; only a prepared one can be released.</source>
        <translation>转运 {number} 当前状态为{status}；只有已备妥的转运才能发出。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>another institution</source>
        <translation>另一机构</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>awaiting deliverables</source>
        <translation>待交成果</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>fully split</source>
        <translation>已分完</translation>
    </message>
    <message>
        <source>in storage</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>已备妥</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>{person} does not work at {borrower}; only its people receive its packages.</source>
        <translation>{person} 不在 {borrower} 工作；只有该机构的人员可以接收其包裹。</translation>
    </message>
    <message>
        <source>{person} has no role that confirms receipts (a curator or lab manager does).</source>
        <translation>{person} 没有可确认接收的角色（样品管理员或实验室主管才有）。</translation>
    </message>
    <message>
        <source>{person} is already an authorised receiver of loan {number}.</source>
        <translation>{person} 已是借样 {number} 的授权接收人。</translation>
    </message>
    <message>
        <source>{person} is not an authorised receiver of loan {number}.</source>
        <translation>{person} 不是借样 {number} 的授权接收人。</translation>
    </message>
    <message>
        <source>{person} is the principal investigator of loan {number} and stays an authorised receiver.</source>
        <translation>{person} 是借样 {number} 的项目负责人，始终是授权接收人。</translation>
    </message>
    <message>
        <source>{person}&apos;s account is not active.</source>
        <translation>{person} 的账户未启用。</translation>
    </message>
</context>
<context>
    <name>_domain_signature_check</name>
    <message>
        <source>The institution certificate could not be confirmed: {error}</source>
        <translation>无法确认机构证书：{error}</translation>
    </message>
    <message>
        <source>The institution certificate {certificate} could not be confirmed on this computer, which does not hold its key file.</source>
        <translation>无法在本机确认机构证书 {certificate}：本机没有其密钥文件。</translation>
    </message>
    <message>
        <source>The institution certificate {certificate} of {holder} is not trusted: {why}.</source>
        <translation>{holder} 的机构证书 {certificate} 不受信任：{why}。</translation>
    </message>
    <message>
        <source>The partner certificate {certificate} of {holder} is not trusted: {why}.</source>
        <translation>{holder} 的合作机构证书 {certificate} 不受信任：{why}。</translation>
    </message>
    <message>
        <source>The person certificate {certificate} of {holder} is not trusted: {why}.</source>
        <translation>{holder} 的人员证书 {certificate} 不受信任：{why}。</translation>
    </message>
    <message>
        <source>The revocation of the certificate {certificate} of {holder} is not signed by the institution key: its date or reason was changed outside the program.</source>
        <translation>{holder} 的证书 {certificate} 的吊销未经机构密钥签名：其日期或原因在程序之外被修改过。</translation>
    </message>
    <message>
        <source>The signature of {signer} ({meaning}) on {record_type} {record}, {moment}, is refused: {why}.</source>
        <translation>{signer} 于 {moment} 在 {record_type} {record} 上的签名（{meaning}）被拒绝：{why}。</translation>
    </message>
    <message>
        <source>The {kind} certificate {certificate} of {holder} is not trusted: {why}.</source>
        <translation>{holder} 的 {kind} 证书 {certificate} 不受信任：{why}。</translation>
    </message>
    <message>
        <source>Verification was cancelled.</source>
        <translation>核验已取消。</translation>
    </message>
    <message>
        <source>a PIN confirmation must be attested by an institution key</source>
        <translation>PIN 码确认必须由机构密钥证明</translation>
    </message>
    <message>
        <source>it belongs to another institution than the first</source>
        <translation>它属于与第一张机构证书不同的机构</translation>
    </message>
    <message>
        <source>it has no cryptographic signature</source>
        <translation>它没有密码学签名</translation>
    </message>
    <message>
        <source>it is dated outside its certificate&apos;s validity ({certificate})</source>
        <translation>其日期在证书有效期之外（{certificate}）</translation>
    </message>
    <message>
        <source>it is made with the institution certificate {certificate}, not the signer&apos;s</source>
        <translation>它是用机构证书 {certificate} 而不是签名人的证书做出的</translation>
    </message>
    <message>
        <source>it is made with the partner certificate {certificate}, not the signer&apos;s</source>
        <translation>它是用合作机构证书 {certificate} 而不是签名人的证书做出的</translation>
    </message>
    <message>
        <source>it is made with the {kind} certificate {certificate}, not the signer&apos;s</source>
        <translation>它是用 {kind} 证书 {certificate} 而不是签名人的证书做出的</translation>
    </message>
    <message>
        <source>it is not a self-signed institution certificate</source>
        <translation>它不是自签名的机构证书</translation>
    </message>
    <message>
        <source>it is not endorsed by the key of the certificate it replaced ({certificate})</source>
        <translation>它未经其所替换证书（{certificate}）的密钥背书</translation>
    </message>
    <message>
        <source>it is not self-signed</source>
        <translation>它不是自签名的</translation>
    </message>
    <message>
        <source>it is not the certificate of this computer&apos;s key</source>
        <translation>它不是本机密钥的证书</translation>
    </message>
    <message>
        <source>it names another institution</source>
        <translation>它写明的是另一机构</translation>
    </message>
    <message>
        <source>it names another person than its holder</source>
        <translation>它写明的人员不是其持有者</translation>
    </message>
    <message>
        <source>it names no certificate</source>
        <translation>它没有写明证书</translation>
    </message>
    <message>
        <source>it was endorsed by an untrusted certificate</source>
        <translation>它由不受信任的证书背书</translation>
    </message>
    <message>
        <source>it was not issued by its institution&apos;s key (ours or a trusted partner&apos;s)</source>
        <translation>它不是由其所属机构的密钥（本机构或受信任合作机构的）签发的</translation>
    </message>
    <message>
        <source>its certificate #{id} does not exist</source>
        <translation>其证书 #{id} 不存在</translation>
    </message>
    <message>
        <source>its certificate cannot be read ({error})</source>
        <translation>其证书无法读取（{error}）</translation>
    </message>
    <message>
        <source>its certificate {certificate} ({holder}) is not trusted</source>
        <translation>其证书 {certificate}（{holder}）不受信任</translation>
    </message>
    <message>
        <source>its certificate {certificate} is {holder}&apos;s, not the signer&apos;s</source>
        <translation>其证书 {certificate} 属于 {holder}，而不是签名人</translation>
    </message>
    <message>
        <source>its certificate {certificate} was retired on {moment}, before it was made</source>
        <translation>其证书 {certificate} 已于 {moment} 停用，早于签名时间</translation>
    </message>
    <message>
        <source>its certificate {certificate} was revoked on {moment}, before it was made</source>
        <translation>其证书 {certificate} 已于 {moment} 吊销，早于签名时间</translation>
    </message>
    <message>
        <source>its cryptographic signature does not hold over what it signs</source>
        <translation>其密码学签名与所签内容不符</translation>
    </message>
    <message>
        <source>its cryptographic signature is damaged</source>
        <translation>其密码学签名已损坏</translation>
    </message>
    <message>
        <source>its signer is not in the database</source>
        <translation>其签名人不在数据库中</translation>
    </message>
    <message>
        <source>its stored fingerprint is not its certificate&apos;s: the certificate was replaced outside the program</source>
        <translation>其存储的指纹不是该证书的指纹：证书在程序之外被替换</translation>
    </message>
    <message>
        <source>person #{id}</source>
        <translation>人员 #{id}</translation>
    </message>
    <message>
        <source>this computer holds the institution key of {institution} for the certificate {certificate}, which this database does not have: its institution certificate was replaced (or the database is a copy from before a new key was made)</source>
        <translation>本机持有 {institution} 对应证书 {certificate} 的机构密钥，而本数据库没有该证书：其机构证书被替换过（或者本数据库是生成新密钥之前的副本）</translation>
    </message>
    <message>
        <source>{counts} (those recorded after signature #{after})</source>
        <translation>{counts}（签名 #{after} 之后记录的）</translation>
    </message>
    <message>
        <source>{counts}. {note}</source>
        <translation>{counts}。{note}</translation>
    </message>
    <message>
        <source>{total} checked, {held} hold</source>
        <translation>已核验 {total} 个，{held} 个有效</translation>
    </message>
    <message>
        <source>{total} checked, {held} hold, {before} made before keys (covered by the audit baseline)</source>
        <translation>已核验 {total} 个，{held} 个有效，{before} 个在启用密钥之前做出（由审计基线覆盖）</translation>
    </message>
    <message>
        <source>{total} checked, {held} hold, {before} made before keys (covered by the audit baseline), {refused} refused</source>
        <translation>已核验 {total} 个，{held} 个有效，{before} 个在启用密钥之前做出（由审计基线覆盖），{refused} 个被拒绝</translation>
    </message>
    <message>
        <source>{total} checked, {held} hold, {refused} refused</source>
        <translation>已核验 {total} 个，{held} 个有效，{refused} 个被拒绝</translation>
    </message>
</context>
<context>
    <name>_domain_standing</name>
    <message>
        <source>The annual inventory of loan {loan} ({pi}) is overdue since {day}: no new loan or shipment to this principal investigator until it is certified.</source>
        <translation>借样 {loan}（{pi}）的年度盘点自 {day} 起已逾期：在其得到证明之前，不向该项目负责人提供新的借样或发运。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_backup</name>
    <message>
        <source>Cannot write the copy of {database} to {dest}: {reason}.</source>
        <translation>无法将 {database} 的副本写入 {dest}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write the dump of {database} to {dest}: {reason}.</source>
        <translation>无法将 {database} 的转储文件写入 {dest}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write the export of {database} to {dest}: {reason}.</source>
        <translation>无法将 {database} 的导出文件写入 {dest}：{reason}。</translation>
    </message>
    <message>
        <source>Copying {database} to {dest} failed: {error}.</source>
        <translation>将 {database} 复制到 {dest} 失败：{error}。</translation>
    </message>
    <message>
        <source>The backup was cancelled.</source>
        <translation>备份已取消。</translation>
    </message>
    <message>
        <source>Will not overwrite {dest}: a file of that name exists already.</source>
        <translation>不会覆盖 {dest}：同名文件已存在。</translation>
    </message>
    <message>
        <source>pg_dump could not copy {database}, so nothing was changed: exit status {status}</source>
        <translation>pg_dump 无法复制 {database}，因此未做任何更改：退出状态 {status}</translation>
    </message>
    <message>
        <source>pg_dump could not copy {database}, so nothing was changed: {reason}</source>
        <translation>pg_dump 无法复制 {database}，因此未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>pg_dump did not finish copying {database}, so nothing was changed.</source>
        <translation>pg_dump 未能完成复制 {database}，因此未做任何更改。</translation>
    </message>
    <message>
        <source>{database} is not a SQLite database; it cannot be copied as a file.</source>
        <translation>{database} 不是 SQLite 数据库；无法作为文件复制。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_database</name>
    <message>
        <source>Cannot connect to the PostgreSQL database {database}: check that the server is running and that the host and port are right.</source>
        <translation>无法连接 PostgreSQL 数据库 {database}：请检查服务器是否正在运行，以及主机和端口是否正确。</translation>
    </message>
    <message>
        <source>Lunar Custody keeps its records in a SQLite file or a PostgreSQL database; &apos;{driver}&apos; ({name}) is not supported.</source>
        <translation>Lunar Custody 的记录保存在 SQLite 文件或 PostgreSQL 数据库中；不支持“{driver}”（{name}）。</translation>
    </message>
    <message>
        <source>That is not a database URL; a PostgreSQL one looks like postgresql+psycopg://user@host:5432/database.</source>
        <translation>这不是数据库 URL；PostgreSQL 数据库的 URL 形如 postgresql+psycopg://user@host:5432/database。</translation>
    </message>
    <message>
        <source>The PostgreSQL database {database} does not exist.</source>
        <translation>PostgreSQL 数据库 {database} 不存在。</translation>
    </message>
    <message>
        <source>The PostgreSQL database {database} does not let this user make that change.</source>
        <translation>PostgreSQL 数据库 {database} 不允许该用户进行此项更改。</translation>
    </message>
    <message>
        <source>The PostgreSQL server refused the login to {database}: check the user name and password.</source>
        <translation>PostgreSQL 服务器拒绝登录 {database}：请检查用户名和密码。</translation>
    </message>
    <message>
        <source>The connection to the PostgreSQL database {database} was lost; try again.</source>
        <translation>与 PostgreSQL 数据库 {database} 的连接已断开；请重试。</translation>
    </message>
    <message>
        <source>The database {database} is busy with another user&apos;s change; try again in a moment.</source>
        <translation>数据库 {database} 正在处理其他用户的更改；请稍后重试。</translation>
    </message>
    <message>
        <source>The database {database} is locked by another program; try again in a moment.</source>
        <translation>数据库 {database} 被另一个程序锁定；请稍后重试。</translation>
    </message>
    <message>
        <source>The database {where} cannot be opened: check that you may read and write the file and its folder.</source>
        <translation>无法打开数据库 {where}：请检查您是否有权读写该文件及其所在文件夹。</translation>
    </message>
    <message>
        <source>The database {where} cannot be written: check that you may write the file and its folder.</source>
        <translation>无法写入数据库 {where}：请检查您是否有权写入该文件及其所在文件夹。</translation>
    </message>
    <message>
        <source>The database {where} could not be read or written (a disk or network drive error).</source>
        <translation>无法读写数据库 {where}（磁盘或网络驱动器出错）。</translation>
    </message>
    <message>
        <source>The disk holding the database {where} is full.</source>
        <translation>存放数据库 {where} 的磁盘已满。</translation>
    </message>
    <message>
        <source>The file {where} is not a Lunar Custody database, or it is damaged.</source>
        <translation>文件 {where} 不是 Lunar Custody 数据库，或已损坏。</translation>
    </message>
    <message>
        <source>The folder of the database {where} does not exist.</source>
        <translation>数据库 {where} 所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>The text contains a NUL character (\x00), which cannot be stored or looked up; remove it.</source>
        <translation>文本中含有 NUL 字符（\x00），无法保存或查找；请删除该字符。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_engine</name>
    <message>
        <source>An in-memory database cannot hold custody records; give a file.</source>
        <translation>内存数据库不能保存保管记录；请指定一个文件。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} for the database {file}: {reason}.</source>
        <translation>无法为数据库 {file} 创建文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver &apos;{driver}&apos; is not available; use a postgresql+psycopg:// URL.</source>
        <translation>PostgreSQL 驱动程序“{driver}”不可用；请使用 postgresql+psycopg:// URL。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a Lunar Custody database file.</source>
        <translation>{path} 是文件夹，不是 Lunar Custody 数据库文件。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_export_format</name>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>{path} holds a table {table} unknown here.</source>
        <translation>{path} 中有本程序不认识的表 {table}。</translation>
    </message>
    <message>
        <source>{path} is an export of format version {version}; this program reads version {known}.</source>
        <translation>{path} 是格式版本 {version} 的导出文件；本程序读取的是版本 {known}。</translation>
    </message>
    <message>
        <source>{path} is not a Lunar Custody export.</source>
        <translation>{path} 不是 Lunar Custody 导出文件。</translation>
    </message>
    <message>
        <source>{table} changed while it was exported.</source>
        <translation>{table} 在导出过程中发生了变化。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_integrity</name>
    <message>
        <source>Row {row} of {table} points at a missing record in {parent}.</source>
        <translation>{table} 的第 {row} 行指向 {parent} 中不存在的记录。</translation>
    </message>
    <message>
        <source>SQLite integrity check: the file is damaged ({error}).</source>
        <translation>SQLite 完整性检查：文件已损坏（{error}）。</translation>
    </message>
    <message>
        <source>SQLite integrity check: {message}</source>
        <translation>SQLite 完整性检查：{message}</translation>
    </message>
    <message>
        <source>The append-only guard {trigger} has been removed: the database no longer refuses to change {table} in place.</source>
        <translation>只追加保护 {trigger} 已被删除：数据库不再拒绝就地修改 {table}。</translation>
    </message>
    <message>
        <source>The append-only guard {trigger} is disabled: the database no longer refuses to change {table} in place.</source>
        <translation>只追加保护 {trigger} 已被禁用：数据库不再拒绝就地修改 {table}。</translation>
    </message>
    <message>
        <source>The append-only guard {trigger} is set to fire only on a replica: the database no longer refuses to change {table} in place.</source>
        <translation>只追加保护 {trigger} 被设为仅在副本上触发：数据库不再拒绝就地修改 {table}。</translation>
    </message>
    <message>
        <source>The append-only guard {trigger} no longer refuses a change (it was replaced): the database no longer refuses to change {table} in place.</source>
        <translation>只追加保护 {trigger} 不再拒绝修改（它被替换过）：数据库不再拒绝就地修改 {table}。</translation>
    </message>
    <message>
        <source>The schema is at version {revision}, this program expects {expected}.</source>
        <translation>数据库结构版本为 {revision}，本程序要求 {expected}。</translation>
    </message>
    <message>
        <source>Verification was cancelled.</source>
        <translation>核验已取消。</translation>
    </message>
    <message>
        <source>full (every event replayed).</source>
        <translation>完整（重放了每个事件）。</translation>
    </message>
    <message>
        <source>full (every event replayed). {why}</source>
        <translation>完整（重放了每个事件）。{why}</translation>
    </message>
    <message>
        <source>full: the ledger no longer holds the heads of {checkpoint}, so every event was replayed.</source>
        <translation>完整：保管台账不再包含{checkpoint}的链头，因此重放了每个事件。</translation>
    </message>
    <message>
        <source>full: what changed since {checkpoint} did not check out, so every event was replayed.</source>
        <translation>完整：自{checkpoint}以来的变更未通过核验，因此重放了每个事件。</translation>
    </message>
    <message>
        <source>integrity check</source>
        <translation>完整性检查</translation>
    </message>
    <message>
        <source>ok ({dialect}, {database})</source>
        <translation>正常（{dialect}，{database}）</translation>
    </message>
    <message>
        <source>ok ({dialect}, {database}; schema and guards only, routine)</source>
        <translation>正常（{dialect}，{database}；常规核验，仅数据库结构和保护）</translation>
    </message>
    <message>
        <source>ok ({dialect}, {database}; {check})</source>
        <translation>正常（{dialect}，{database}；{check}）</translation>
    </message>
    <message>
        <source>problems found ({dialect}, {database})</source>
        <translation>发现问题（{dialect}，{database}）</translation>
    </message>
    <message>
        <source>problems found ({dialect}, {database}; schema and guards only, routine)</source>
        <translation>发现问题（{dialect}，{database}；常规核验，仅数据库结构和保护）</translation>
    </message>
    <message>
        <source>problems found ({dialect}, {database}; {check})</source>
        <translation>发现问题（{dialect}，{database}；{check}）</translation>
    </message>
    <message>
        <source>quick check</source>
        <translation>快速检查</translation>
    </message>
    <message>
        <source>routine, since {checkpoint} (event #{event}): {aliquots} touched since, replayed.</source>
        <translation>常规，自{checkpoint}（事件 #{event}）起：重放了此后涉及的 {aliquots}。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_location</name>
    <message>
        <source>The database {path} is read-only: you may read it but not record anything. Ask for write permission on the file, or open a copy of it.</source>
        <translation>数据库 {path} 为只读：可以查看，但不能记录任何内容。请申请该文件的写入权限，或打开它的副本。</translation>
    </message>
    <message>
        <source>There is no database at {path}: the folder {folder} does not exist. Check the path, and that its network drive is connected.</source>
        <translation>{path} 处没有数据库：文件夹 {folder} 不存在。请检查路径，以及其所在的网络驱动器是否已连接。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_migrate</name>
    <message>
        <source>This database was written by a newer version of Lunar Custody (schema {revisions}); this version understands up to {head}. Install the newer version.</source>
        <translation>此数据库由更新版本的 Lunar Custody 写入（结构版本 {revisions}）；本版本最高只能识别 {head}。请安装更新的版本。</translation>
    </message>
    <message>
        <source>Upgrading {database} would break references between records in {tables}; nothing was changed.</source>
        <translation>升级 {database} 会破坏 {tables} 中记录之间的引用；未做任何更改。</translation>
    </message>
    <message>
        <source>{database} holds tables of another program; it is not a Lunar Custody database.</source>
        <translation>{database} 中有其他程序的表；它不是 Lunar Custody 数据库。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_restore</name>
    <message>
        <source>Cannot copy {source} to {target}: {error}.</source>
        <translation>无法将 {source} 复制到 {target}：{error}。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Restored {database} from a Lunar Custody export.</source>
        <translation>已从 Lunar Custody 导出文件恢复 {database}。</translation>
    </message>
    <message>
        <source>Restored {database} from a SQLite copy.</source>
        <translation>已从 SQLite 副本恢复 {database}。</translation>
    </message>
    <message>
        <source>Restored {database} from a pg_dump file.</source>
        <translation>已从 pg_dump 文件恢复 {database}。</translation>
    </message>
    <message>
        <source>The backup {source} does not verify, so nothing was restored.
{report}</source>
        <translation>备份 {source} 未通过核验，因此未恢复任何内容。
{report}</translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation>恢复已取消。</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>{path} 处没有备份。</translation>
    </message>
    <message>
        <source>What it held before is kept in {path}.</source>
        <translation>其原有内容保存在 {path}。</translation>
    </message>
    <message>
        <source>pg_restore could not restore {source} into {database}, so nothing was changed: exit status {status}</source>
        <translation>pg_restore 无法将 {source} 恢复到 {database}，因此未做任何更改：退出状态 {status}</translation>
    </message>
    <message>
        <source>pg_restore could not restore {source} into {database}, so nothing was changed: {reason}</source>
        <translation>pg_restore 无法将 {source} 恢复到 {database}，因此未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>pg_restore did not finish restoring {source}, so nothing was changed.</source>
        <translation>pg_restore 未能完成恢复 {source}，因此未做任何更改。</translation>
    </message>
    <message>
        <source>{database} already holds custody records; restoring would replace them. Restore into a new database, or confirm the replacement (--replace): a copy of the current records is kept first.</source>
        <translation>{database} 中已有保管记录；恢复会替换这些记录。请恢复到新数据库，或确认替换（--replace）：替换前会先保留现有记录的副本。</translation>
    </message>
    <message>
        <source>{path} is not a Lunar Custody backup (a SQLite copy, a pg_dump file or an export).</source>
        <translation>{path} 不是 Lunar Custody 备份（SQLite 副本、pg_dump 文件或导出文件）。</translation>
    </message>
    <message>
        <source>{source} is a pg_dump file and {program} is not installed: install PostgreSQL&apos;s client programs, or ask the server&apos;s administrator to restore it.</source>
        <translation>{source} 是 pg_dump 文件，但未安装 {program}：请安装 PostgreSQL 客户端程序，或请服务器管理员恢复它。</translation>
    </message>
    <message>
        <source>{source} is a pg_dump file of a PostgreSQL database: restore it into a PostgreSQL database (--db postgresql+psycopg://...), or make an export of it.</source>
        <translation>{source} 是 PostgreSQL 数据库的 pg_dump 文件：请将其恢复到 PostgreSQL 数据库（--db postgresql+psycopg://...），或为它制作导出文件。</translation>
    </message>
    <message>
        <source>{source} was made by a newer version of Lunar Custody (schema {revision}); this version understands up to {head}. Install the newer version.</source>
        <translation>{source} 由更新版本的 Lunar Custody 生成（结构版本 {revision}）；本版本最高只能识别 {head}。请安装更新的版本。</translation>
    </message>
</context>
</TS>
