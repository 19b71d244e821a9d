<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>not a signed event statement</source>
        <translation>不是已签名的事件声明</translation>
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
        <source>only the named receiver&apos;s institution confirms a receipt, not {origin}</source>
        <translation>只有指定接收人的机构可以确认接收，{origin} 不能</translation>
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
