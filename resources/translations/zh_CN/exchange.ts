<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_exchange_exporting</name>
    <message>
        <source>&amp;Partner:</source>
        <translation>合作机构(&amp;P)：</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Choose the partner the file is for.</source>
        <translation>请选择此文件发往的合作机构。</translation>
    </message>
    <message>
        <source>Exchange file not saved</source>
        <translation>交换文件未保存</translation>
    </message>
    <message>
        <source>Exchange file written</source>
        <translation>交换文件已写出</translation>
    </message>
    <message>
        <source>Export to a partner installation</source>
        <translation>导出给合作机构的站点</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message numerus="yes">
        <source>Key {fingerprint}; %n file(s) sent so far</source>
        <translation>
            <numerusform>密钥 {fingerprint}；迄今已发送 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>No partner installation</source>
        <translation>没有合作机构站点</translation>
    </message>
    <message>
        <source>Save the exchange file</source>
        <translation>保存交换文件</translation>
    </message>
    <message>
        <source>The file holds the records and every custody event the partner needs about this, signed with our institution key. It is numbered for that partner and kept here: Partners ▸ Save a copy… writes it again whenever needed.</source>
        <translation>该文件包含合作机构所需的相关记录和全部保管事件，并以本机构密钥签名。它按该合作机构编号并保存在本站点：需要时可通过 合作机构 ▸ 另存副本… 再次写出。</translation>
    </message>
    <message>
        <source>This installation has no trusted partner yet. An administrator adds one from the introduction file the partner sends: File ▸ Partners… ▸ Add partner….</source>
        <translation>本站点尚无受信任的合作机构。管理员可根据合作机构发来的引荐文件添加：文件 ▸ 合作机构… ▸ 添加合作机构…。</translation>
    </message>
    <message>
        <source>{kind} no. {sequence} for {partner} ({subject}): {summary}.

Written to {path}. Send it to {partner}; they import it with File ▸ Import exchange file….</source>
        <translation>发给 {partner} 的{kind}第 {sequence} 号（{subject}）：{summary}。

已写入 {path}。请将其发送给 {partner}；对方通过 文件 ▸ 导入交换文件… 导入。</translation>
    </message>
    <message>
        <source>{kind} no. {sequence} for {partner} is recorded as sent and kept here: File ▸ Partners… ▸ Save a copy… writes it when you need it.</source>
        <translation>发给 {partner} 的{kind}第 {sequence} 号已记录为已发送并保存在本站点：需要时可通过 文件 ▸ 合作机构… ▸ 另存副本… 写出。</translation>
    </message>
</context>
<context>
    <name>_exchange_files</name>
    <message>
        <source>Cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>Lunar Custody exchange files (*{suffix});;All files (*)</source>
        <translation>Lunar Custody 交换文件 (*{suffix});;所有文件 (*)</translation>
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
        <source>{name} is {size} MB: larger than any exchange file ({limit} MB).</source>
        <translation>{name} 大小为 {size} MB，超过交换文件的大小上限（{limit} MB）。</translation>
    </message>
</context>
<context>
    <name>_exchange_importing</name>
    <message numerus="yes">
        <source>%n reason(s). The file was checked as a whole and nothing of it was written; ask the sender about what is listed, or send them this list (Copy).</source>
        <translation>
            <numerusform>%n 条原因。文件已作为整体检查，其中任何内容都未写入；请就所列内容询问发件方，或将此列表发给对方（复制）。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>, {count} already held here</source>
        <translation>，本站点已有 {count} 个</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Changed records:</source>
        <translation>变更的记录：</translation>
    </message>
    <message>
        <source>Check {source}</source>
        <translation>检查 {source}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copy the selected reasons, or all shown, as text</source>
        <translation>将所选原因（或显示的全部原因）复制为文本</translation>
    </message>
    <message>
        <source>Custody events:</source>
        <translation>保管事件：</translation>
    </message>
    <message>
        <source>Exchange file imported</source>
        <translation>交换文件已导入</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件方：</translation>
    </message>
    <message>
        <source>Import an exchange file</source>
        <translation>导入交换文件</translation>
    </message>
    <message>
        <source>Import {source}</source>
        <translation>导入 {source}</translation>
    </message>
    <message>
        <source>Import {source}: preview</source>
        <translation>导入 {source}：预览</translation>
    </message>
    <message>
        <source>Imported before: {what}. Nothing would change.</source>
        <translation>此前已导入：{what}。不会有任何变更。</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Made:</source>
        <translation>生成：</translation>
    </message>
    <message>
        <source>New records:</source>
        <translation>新记录：</translation>
    </message>
    <message>
        <source>Not a readable exchange file</source>
        <translation>不是可读取的交换文件</translation>
    </message>
    <message>
        <source>Nothing new in {what}: this installation holds it all</source>
        <translation>{what}中没有新内容：本站点已全部持有</translation>
    </message>
    <message>
        <source>Partner added</source>
        <translation>合作机构已添加</translation>
    </message>
    <message>
        <source>Ready to import {what}</source>
        <translation>准备导入{what}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Refused: nothing was imported</source>
        <translation>已拒绝：未导入任何内容</translation>
    </message>
    <message>
        <source>Search: record kind or number (aliquot, loan, signature…)</source>
        <translation>搜索：记录类型或编号（分样、借样、签名…）</translation>
    </message>
    <message>
        <source>Search: record or words of the reason</source>
        <translation>搜索：记录或原因中的词语</translation>
    </message>
    <message>
        <source>Signed with:</source>
        <translation>签名密钥：</translation>
    </message>
    <message>
        <source>This file was imported before: nothing would change.</source>
        <translation>此文件此前已导入：不会有任何变更。</translation>
    </message>
    <message>
        <source>Write what is listed here, in one transaction</source>
        <translation>在一个事务中写入此处所列内容</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>条原因</translation>
    </message>
    <message>
        <source>reasons</source>
        <translation>条原因</translation>
    </message>
    <message>
        <source>record</source>
        <translation>条记录</translation>
    </message>
    <message>
        <source>records</source>
        <translation>条记录</translation>
    </message>
    <message>
        <source>the whole file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>{count} added</source>
        <translation>新增 {count} 个</translation>
    </message>
    <message>
        <source>{kind} no. {sequence}</source>
        <translation>{kind}第 {sequence} 号</translation>
    </message>
    <message>
        <source>{kind} no. {sequence} from {sender}</source>
        <translation>来自 {sender} 的{kind}第 {sequence} 号</translation>
    </message>
    <message>
        <source>{source} cannot be imported: {error}</source>
        <translation>{source} 无法导入：{error}</translation>
    </message>
    <message>
        <source>{when} by {person}</source>
        <translation>{when}，{person}</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n of the reasons are evidence that a ledger was rewritten at the origin: keep the file, and tell the sender&apos;s administrator.</source>
        <translation>
            <numerusform>⚠ 其中 %n 条原因表明来源处的保管台账曾被改写：请保留该文件，并告知发件方的管理员。</numerusform>
        </translation>
    </message>
    <message>
        <source>✘  {source} was refused: nothing was imported</source>
        <translation>✘  {source} 被拒绝：未导入任何内容</translation>
    </message>
</context>
<context>
    <name>_exchange_languages</name>
    <message>
        <source>Chinese (简体中文)</source>
        <translation>中文（简体）</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>文件语言</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文 (English)</translation>
    </message>
    <message>
        <source>{first} and {second}, side by side</source>
        <translation>{first}与{second}对照</translation>
    </message>
</context>
<context>
    <name>_exchange_partners</name>
    <message>
        <source>&amp;Add partner…</source>
        <translation>添加合作机构(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export our introduction…</source>
        <translation>导出本站点引荐文件(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>撤销信任(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <source>A file lost on the way is sent again as it was.</source>
        <translation>途中丢失的文件可按原样再次发送。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Add a partner installation</source>
        <translation>添加合作机构站点</translation>
    </message>
    <message>
        <source>Choose the introduction file the partner sent.</source>
        <translation>请选择合作机构发来的引荐文件。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>副本已保存</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Exchange files sent and received</source>
        <translation>已发送和接收的交换文件</translation>
    </message>
    <message>
        <source>Export our introduction</source>
        <translation>导出本站点引荐文件</translation>
    </message>
    <message>
        <source>Files received</source>
        <translation>已接收文件</translation>
    </message>
    <message>
        <source>Files sent</source>
        <translation>已发送文件</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Fingerprint the &amp;partner read out:</source>
        <translation>合作机构念出的指纹(&amp;P)：</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <source>Introduction &amp;file:</source>
        <translation>引荐文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Introduction written</source>
        <translation>引荐文件已写出</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近接收</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>No partner installation yet. An administrator adds one from the introduction file the partner sends (Add partner…), after confirming its fingerprint with them.</source>
        <translation>尚无合作机构站点。管理员在与合作机构核对指纹后，可根据其发来的引荐文件添加（添加合作机构…）。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Our introduction is in {path}.

Send it to the partner, then read them our fingerprint by another way (telephone), for them to type:
{fingerprint}</source>
        <translation>本站点的引荐文件位于 {path}。

请将其发送给合作机构，然后通过其他途径（电话）向对方念出本站点的指纹，供对方输入：
{fingerprint}</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作机构</translation>
    </message>
    <message>
        <source>Partner added</source>
        <translation>合作机构已添加</translation>
    </message>
    <message>
        <source>Partner installations</source>
        <translation>合作机构站点</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作机构</translation>
    </message>
    <message>
        <source>Partners are other institutions&apos; installations. Custody crosses to them in signed exchange files: Export to partner… on a loan, a transfer or aliquots, and File ▸ Import exchange file… (or drop the file on the window) on the other side.</source>
        <translation>合作机构是其他机构的站点。保管通过已签名的交换文件传递给对方：在借样、转运或分样上使用 导出给合作机构…，对方使用 文件 ▸ 导入交换文件…（或将文件拖放到窗口上）。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Read the exchange file</source>
        <translation>读取交换文件</translation>
    </message>
    <message>
        <source>Recorded here</source>
        <translation>本站点记录时间</translation>
    </message>
    <message>
        <source>Refuse the selected partner&apos;s files from now on (what was imported stays)</source>
        <translation>从现在起拒绝所选合作机构的文件（已导入的内容保留）</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销信任</translation>
    </message>
    <message>
        <source>Revoke {name}</source>
        <translation>撤销对 {name} 的信任</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Save a copy of the exchange file</source>
        <translation>另存交换文件副本</translation>
    </message>
    <message>
        <source>Save our institution, key and people as an introduction file for a partner</source>
        <translation>将本机构、密钥和人员保存为供合作机构使用的引荐文件</translation>
    </message>
    <message>
        <source>Save our introduction</source>
        <translation>保存本站点引荐文件</translation>
    </message>
    <message>
        <source>Search: code, institution, fingerprint, state</source>
        <translation>搜索：代码、机构、指纹、状态</translation>
    </message>
    <message>
        <source>Search: partner, kind, loan or transfer number</source>
        <translation>搜索：合作机构、类型、借样或转运编号</translation>
    </message>
    <message>
        <source>Select an exchange file first.</source>
        <translation>请先选择一个交换文件。</translation>
    </message>
    <message>
        <source>Select the partner whose key is no longer trusted.</source>
        <translation>请选择其密钥不再受信任的合作机构。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stop trusting {name}&apos;s key ({fingerprint})? Its files are refused from now on; what was imported from it stays, signed as it was. A new key is trusted again only from a new introduction with a confirmed fingerprint.</source>
        <translation>停止信任 {name} 的密钥（{fingerprint}）？从现在起将拒绝其文件；已从其导入的内容保留，签名不变。新的密钥只有通过指纹已核对的新引荐文件才会再次受信任。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Telephone the partner (or read the fingerprint printed on an agreement they signed) and type the fingerprint they read out. The partner is trusted only if it matches the file&apos;s: a file alone proves nothing about who made it.</source>
        <translation>请致电合作机构（或查看其签署的协议上印的指纹），输入对方念出的指纹。只有与文件中的指纹一致时，该合作机构才受信任：仅凭文件无法证明是谁生成的。</translation>
    </message>
    <message>
        <source>The file&apos;s fingerprint:</source>
        <translation>文件中的指纹：</translation>
    </message>
    <message>
        <source>The partner&apos;s introduction</source>
        <translation>合作机构的引荐文件</translation>
    </message>
    <message>
        <source>This installation has no institution key yet.</source>
        <translation>本站点尚无机构密钥。</translation>
    </message>
    <message>
        <source>This installation: &lt;b&gt;{name}&lt;/b&gt; ({code}). Our fingerprint, to read aloud to a partner who adds our introduction:</source>
        <translation>本站点：&lt;b&gt;{name}&lt;/b&gt;（{code}）。本站点的指纹，供向添加本站点引荐文件的合作机构念出：</translation>
    </message>
    <message>
        <source>Trust a partner installation from its introduction file and confirmed fingerprint</source>
        <translation>根据引荐文件和已核对的指纹信任一个合作机构站点</translation>
    </message>
    <message>
        <source>Trust this partner</source>
        <translation>信任此合作机构</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>受信任起始时间</translation>
    </message>
    <message>
        <source>Write the selected exchange file again, exactly as it was sent or received</source>
        <translation>按发送或接收时的原样再次写出所选交换文件</translation>
    </message>
    <message>
        <source>e.g. 3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00</source>
        <translation>例如 3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00</translation>
    </message>
    <message>
        <source>e.g. the partner reported its key stolen; the agreement ended</source>
        <translation>例如：合作机构报告其密钥被盗；协议已终止</translation>
    </message>
    <message>
        <source>file</source>
        <translation>个文件</translation>
    </message>
    <message>
        <source>files</source>
        <translation>个文件</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>个合作机构</translation>
    </message>
    <message>
        <source>partners</source>
        <translation>个合作机构</translation>
    </message>
    <message>
        <source>received from</source>
        <translation>接收自</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销信任</translation>
    </message>
    <message>
        <source>sent to</source>
        <translation>发给</translation>
    </message>
    <message>
        <source>the introduction file (.lcx) the partner sent</source>
        <translation>合作机构发来的引荐文件 (.lcx)</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>受信任</translation>
    </message>
    <message>
        <source>{added} new, {changed} changed</source>
        <translation>新增 {added} 人，变更 {changed} 人</translation>
    </message>
    <message>
        <source>{kind} no. {sequence} {direction} {partner} ({subject}) is in {path}.</source>
        <translation>{direction} {partner} 的{kind}第 {sequence} 号（{subject}）已保存在 {path}。</translation>
    </message>
    <message>
        <source>{name} ({code}) is a trusted partner: its key {fingerprint} signs the exchange files it sends. People: {people}.</source>
        <translation>{name}（{code}）已是受信任的合作机构：其密钥 {fingerprint} 为其发送的交换文件签名。人员：{people}。</translation>
    </message>
    <message>
        <source>{name}&apos;s introduction is imported (key {fingerprint}). People: {people}.</source>
        <translation>{name} 的引荐文件已导入（密钥 {fingerprint}）。人员：{people}。</translation>
    </message>
    <message>
        <source>{name}&apos;s key is revoked already.</source>
        <translation>{name} 的密钥已被撤销信任。</translation>
    </message>
    <message>
        <source>{name}&apos;s key is trusted already: this later introduction brings its new people and revocations, checked against that key.</source>
        <translation>{name} 的密钥已受信任：这份后来的引荐文件带来其新增人员和撤销信息，并已用该密钥核验。</translation>
    </message>
    <message>
        <source>{refusal} Ask an administrator to add this partner.</source>
        <translation>{refusal} 请管理员添加此合作机构。</translation>
    </message>
</context>
</TS>
