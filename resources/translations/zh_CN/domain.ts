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
        <source>integrity check</source>
        <translation>完整性检查</translation>
    </message>
    <message>
        <source>ok ({dialect}, {database})</source>
        <translation>正常（{dialect}，{database}）</translation>
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
        <source>problems found ({dialect}, {database}; {check})</source>
        <translation>发现问题（{dialect}，{database}；{check}）</translation>
    </message>
    <message>
        <source>quick check</source>
        <translation>快速检查</translation>
    </message>
</context>
</TS>
