<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_transfers_detail</name>
    <message>
        <source>#{id} on transfer {transfer}: {number} weighed {measured} at receipt; its book mass was {expected}.</source>
        <translation>转运 {transfer} 的第 {id} 号差异：分样 {number} 接收时称得 {measured}，其账面质量为 {expected}。</translation>
    </message>
    <message>
        <source>#{id} on transfer {transfer}: {what} ({note}).</source>
        <translation>转运 {transfer} 的第 {id} 号差异：{what}（{note}）。</translation>
    </message>
    <message>
        <source>#{id} on transfer {transfer}: {what}.</source>
        <translation>转运 {transfer} 的第 {id} 号差异：{what}。</translation>
    </message>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>押运员</translation>
    </message>
    <message>
        <source>Courier now</source>
        <translation>当前押运员</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>押运员</translation>
    </message>
    <message>
        <source>Discrepancies ({count})</source>
        <translation>差异（{count}）</translation>
    </message>
    <message>
        <source>Discrepancy #{id}: {kind}</source>
        <translation>第 {id} 号差异：{kind}</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期质量</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件方</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>交接人</translation>
    </message>
    <message>
        <source>Items ({count})</source>
        <translation>分样（{count}）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>运段</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借样</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测质量</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>尚无。</translation>
    </message>
    <message>
        <source>Not picked up yet.</source>
        <translation>尚未取走。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>备妥时间</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Resolution note</source>
        <translation>处理说明</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封签</translation>
    </message>
    <message>
        <source>Select a discrepancy to see what was found at receipt and how it was resolved.</source>
        <translation>选择一条差异以查看接收时发现的情况及其处理方式。</translation>
    </message>
    <message>
        <source>Select a transfer to see its items, couriers, signatures and discrepancies.</source>
        <translation>选择一次转运以查看其物品、押运员、签名和差异。</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件方</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转运</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>carrying</source>
        <translation>押运中</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>package</source>
        <translation>样品包</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>the whole package</source>
        <translation>整个样品包</translation>
    </message>
    <message>
        <source>{when} by {person}</source>
        <translation>{when}，{person}</translation>
    </message>
</context>
<context>
    <name>_transfers_dialogs</name>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>处理方式(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;To courier:</source>
        <translation>接手押运员(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;When (local time):</source>
        <translation>时间（本地时间）(&amp;W)：</translation>
    </message>
    <message>
        <source>(the courier who took the package)</source>
        <translation>（接手样品包的押运员）</translation>
    </message>
    <message>
        <source>, measured {mass}</source>
        <translation>，实测 {mass}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{number}&lt;/b&gt; from {sender}, carried by {courier}. Seal recorded at release: &lt;b&gt;{seal}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt;，发件方 {sender}，押运员 {courier}。发出时登记的封签号：&lt;b&gt;{seal}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>A broken or different seal, or a mass outside the tolerance, is recorded as a discrepancy for the lender&apos;s curators; the receipt is never refused.</source>
        <translation>封签破损或不符、质量超出允差时，均记录为差异，交由出借方样品管理员处理；接收不会被拒绝。</translation>
    </message>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Attach &amp;photo…</source>
        <translation>附加照片(&amp;P)…</translation>
    </message>
    <message>
        <source>Choose the courier who took the package.</source>
        <translation>请选择接手样品包的押运员。</translation>
    </message>
    <message>
        <source>Confirm receipt of {number}</source>
        <translation>确认接收 {number}</translation>
    </message>
    <message>
        <source>Delivered by {courier}</source>
        <translation>由押运员 {courier} 送达</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期质量</translation>
    </message>
    <message>
        <source>Measured (optional)</source>
        <translation>实测质量（可选）</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Paper &amp;form:</source>
        <translation>纸质交接单(&amp;F)：</translation>
    </message>
    <message>
        <source>Photo:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <source>Receipt of {number} from {sender}</source>
        <translation>接收来自 {sender} 的 {number}</translation>
    </message>
    <message>
        <source>Record the handover</source>
        <translation>记录交接</translation>
    </message>
    <message>
        <source>Resolution: {resolution}
Note: {note}</source>
        <translation>处理方式：{resolution}
说明：{note}</translation>
    </message>
    <message>
        <source>Resolve and sign…</source>
        <translation>处理并签名…</translation>
    </message>
    <message>
        <source>Resolve discrepancy #{id}</source>
        <translation>处理第 {id} 号差异</translation>
    </message>
    <message>
        <source>Seal number &amp;seen:</source>
        <translation>实见封签号(&amp;S)：</translation>
    </message>
    <message>
        <source>Seal {seal}: BROKEN</source>
        <translation>封签 {seal}：破损</translation>
    </message>
    <message>
        <source>Seal {seal}: intact</source>
        <translation>封签 {seal}：完好</translation>
    </message>
    <message>
        <source>Sign receipt…</source>
        <translation>签名接收…</translation>
    </message>
    <message>
        <source>The seal is &amp;intact</source>
        <translation>封签完好(&amp;I)</translation>
    </message>
    <message>
        <source>Transcribe a handover of {number}</source>
        <translation>补录 {number} 的交接</translation>
    </message>
    <message>
        <source>What was checked, with whom (required)</source>
        <translation>核查了什么、与谁核查（必填）</translation>
    </message>
    <message>
        <source>Write down what was checked before resolving.</source>
        <translation>处理前请写明核查了什么。</translation>
    </message>
    <message>
        <source>e.g. 299.8 mg</source>
        <translation>例如 299.8 mg</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>the number or reference on the paper form</source>
        <translation>纸质交接单上的编号或参考号</translation>
    </message>
    <message>
        <source>the number printed on the seal you see</source>
        <translation>您看到的封签上印的编号</translation>
    </message>
    <message>
        <source>{courier}, the courier, signs that they &amp;delivered it (PIN)</source>
        <translation>押运员 {courier} 签名确认已送达(&amp;D)（PIN 码）</translation>
    </message>
    <message>
        <source>{name} ({size} KB)</source>
        <translation>{name}（{size} KB）</translation>
    </message>
    <message>
        <source>{number} is with {courier}. If the couriers handed it over where no installation was (an airport, a border), type that handover in from the paper custody form they signed: it is recorded as transcribed, here and in the exchange files that carry it.</source>
        <translation>{number} 目前由押运员 {courier} 携带。如押运员在没有站点的地方（机场、边境）进行了交接，请根据他们签署的纸质保管交接单补录该交接：它将被标记为补录，在此处以及携带它的交换文件中均如此。</translation>
    </message>
</context>
<context>
    <name>_transfers_package</name>
    <message numerus="yes">
        <source>%n aliquot(s), {mass}</source>
        <translation>
            <numerusform>%n 个分样，{mass}</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Loan:</source>
        <translation>借样(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Remove item</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Seal number:</source>
        <translation>封签号(&amp;S)：</translation>
    </message>
    <message>
        <source>(choose the courier)</source>
        <translation>（选择押运员）</translation>
    </message>
    <message>
        <source>(choose the receiver)</source>
        <translation>（选择接收人）</translation>
    </message>
    <message>
        <source>(none: transfer between custodians without a loan)</source>
        <translation>（无：保管方之间不涉及借样的内部转运）</translation>
    </message>
    <message>
        <source>&lt;b&gt;1.&lt;/b&gt; Scan each aliquot into the manifest</source>
        <translation>&lt;b&gt;1.&lt;/b&gt; 逐个扫描分样，加入装箱清单</translation>
    </message>
    <message>
        <source>&lt;b&gt;2.&lt;/b&gt; Where it goes and who carries it</source>
        <translation>&lt;b&gt;2.&lt;/b&gt; 发往何处、由谁押运</translation>
    </message>
    <message>
        <source>Added {number} ({mass}).</source>
        <translation>已加入分样 {number}（{mass}）。</translation>
    </message>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>C&amp;ourier:</source>
        <translation>押运员(&amp;O)：</translation>
    </message>
    <message>
        <source>Choose the courier who takes the package.</source>
        <translation>请选择押运样品包的押运员。</translation>
    </message>
    <message>
        <source>Choose the receiver.</source>
        <translation>请选择接收人。</translation>
    </message>
    <message>
        <source>Co&amp;ntainer:</source>
        <translation>容器(&amp;N)：</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Courier: {courier}</source>
        <translation>押运员：{courier}</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借样</translation>
    </message>
    <message>
        <source>Loan: {loan}</source>
        <translation>借样：{loan}</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>New package</source>
        <translation>新建样品包</translation>
    </message>
    <message>
        <source>No loan (transfer between custodians)</source>
        <translation>无借样（保管方之间的转运）</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>Package for {receiver}</source>
        <translation>发给 {receiver} 的样品包</translation>
    </message>
    <message>
        <source>Re&amp;ceiver:</source>
        <translation>接收人(&amp;C)：</translation>
    </message>
    <message>
        <source>Release to courier…</source>
        <translation>发出给押运员…</translation>
    </message>
    <message>
        <source>Removed {number} from the package.</source>
        <translation>已从样品包中移除分样 {number}。</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Scan an aliquot label, or type its number and press Enter</source>
        <translation>扫描分样标签，或输入其编号后按 Enter</translation>
    </message>
    <message>
        <source>Scan at least one aliquot into the package.</source>
        <translation>请至少扫描一个分样放入样品包。</translation>
    </message>
    <message>
        <source>Scan the aliquots that go into the package.</source>
        <translation>扫描要放入样品包的分样。</translation>
    </message>
    <message>
        <source>Seal: {seal}</source>
        <translation>封签：{seal}</translation>
    </message>
    <message>
        <source>Seal: {seal}, container: {container}</source>
        <translation>封签：{seal}，容器：{container}</translation>
    </message>
    <message>
        <source>Select the item to remove first.</source>
        <translation>请先选择要移除的项。</translation>
    </message>
    <message>
        <source>The package is empty.</source>
        <translation>样品包是空的。</translation>
    </message>
    <message>
        <source>There is no aliquot &apos;{code}&apos;. Nothing was added.</source>
        <translation>没有分样“{code}”。未加入任何内容。</translation>
    </message>
    <message>
        <source>Type or scan the seal number.</source>
        <translation>请输入或扫描封签号。</translation>
    </message>
    <message>
        <source>e.g. dry shipper DS-3, nitrogen-purged box</source>
        <translation>例如：干式运输罐 DS-3、充氮箱</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>the number printed on the tamper-evident seal</source>
        <translation>防拆封签上印的编号</translation>
    </message>
    <message>
        <source>{number} belongs to loan {loan}; this package is for {chosen}.</source>
        <translation>分样 {number} 属于借样 {loan}；此样品包用于 {chosen}。</translation>
    </message>
    <message>
        <source>{number} is already in this package.</source>
        <translation>分样 {number} 已在此样品包中。</translation>
    </message>
    <message>
        <source>{number} is already packed in transfer {transfer}.</source>
        <translation>分样 {number} 已装入转运 {transfer}。</translation>
    </message>
    <message>
        <source>{number} is held by {holder}, not by your institution; only its custodian can pack it.</source>
        <translation>分样 {number} 由 {holder} 持有，不在本机构；只有其保管方才能装包。</translation>
    </message>
    <message>
        <source>{number} is not an item of loan {loan}.</source>
        <translation>分样 {number} 不是借样 {loan} 的借样项。</translation>
    </message>
    <message>
        <source>{number} is {status}; only an aliquot in storage can be packed.</source>
        <translation>分样 {number} 的状态为{status}；只有在库的分样才能装包。</translation>
    </message>
    <message>
        <source>{number} — {borrower} (due {due})</source>
        <translation>{number} — {borrower}（到期日 {due}）</translation>
    </message>
    <message>
        <source>{problem} Nothing was added.</source>
        <translation>{problem} 未加入任何内容。</translation>
    </message>
</context>
<context>
    <name>_transfers_view</name>
    <message>
        <source>&amp;Cancel package…</source>
        <translation>取消样品包(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Manifest…</source>
        <translation>装箱清单(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New package…</source>
        <translation>新建样品包(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Release…</source>
        <translation>发出(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Transcribe handover…</source>
        <translation>补录交接(&amp;T)…</translation>
    </message>
    <message>
        <source>A photo is attached (not an image this computer can show).</source>
        <translation>附有照片（本计算机无法显示该图像）。</translation>
    </message>
    <message>
        <source>All</source>
        <comment>discrepancies</comment>
        <translation>全部</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Cancel package {number}</source>
        <translation>取消样品包 {number}</translation>
    </message>
    <message>
        <source>Chain-of-custody form</source>
        <translation>保管交接单</translation>
    </message>
    <message>
        <source>Check the seal and masses of the selected package and sign for it</source>
        <translation>检查所选样品包的封签和质量并签名接收</translation>
    </message>
    <message>
        <source>Confirm &amp;receipt…</source>
        <translation>确认接收(&amp;R)…</translation>
    </message>
    <message>
        <source>Courier: {courier}</source>
        <translation>押运员：{courier}</translation>
    </message>
    <message>
        <source>Custody &amp;form…</source>
        <translation>保管交接单(&amp;F)…</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Export to &amp;partner…</source>
        <translation>导出给合作机构(&amp;P)…</translation>
    </message>
    <message>
        <source>La&amp;bels…</source>
        <translation>标签(&amp;B)…</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Labels (QR code, number, sample, mass) for the package</source>
        <translation>样品包的标签（二维码、编号、样品、质量）</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>装箱清单</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>discrepancies</comment>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Package {number} for {receiver} ({institution})</source>
        <translation>发给 {receiver}（{institution}）的样品包 {number}</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>处理(&amp;S)…</translation>
    </message>
    <message>
        <source>Received, with discrepancies</source>
        <translation>已接收，有差异</translation>
    </message>
    <message>
        <source>Record a loss, correct the book mass or accept, with your signature</source>
        <translation>记录丢失、更正账面质量或按原样接受，并签名</translation>
    </message>
    <message>
        <source>Release package</source>
        <translation>发出样品包</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>discrepancies</comment>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Scan aliquots into a package and release it to a courier</source>
        <translation>将分样扫描装入样品包并发出给押运员</translation>
    </message>
    <message>
        <source>Seal: {seal}</source>
        <translation>封签：{seal}</translation>
    </message>
    <message>
        <source>Search transfer number, loan, seal, institution, courier</source>
        <translation>搜索转运编号、借样、封签、机构、押运员</translation>
    </message>
    <message>
        <source>Search transfer or aliquot number</source>
        <translation>搜索转运编号或分样编号</translation>
    </message>
    <message>
        <source>The package&apos;s chain-of-custody form to print and sign</source>
        <translation>样品包的保管交接单，供打印和签名</translation>
    </message>
    <message>
        <source>The packing list that travels inside the package</source>
        <translation>随样品包一起运送的装箱清单</translation>
    </message>
    <message>
        <source>The sender and the courier sign the hand-over of the selected package</source>
        <translation>发件方和押运员签名交接所选样品包</translation>
    </message>
    <message>
        <source>Transfer {number} from {sender} to {receiver}: its items, courier legs, signatures and the custody events of its aliquots</source>
        <translation>从 {sender} 到 {receiver} 的转运 {number}：其物品、押运运段、签名及其分样的保管事件</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转运</translation>
    </message>
    <message>
        <source>Type in a handover between couriers made where no installation was, from the paper custody form they signed (marked as transcribed)</source>
        <translation>根据押运员签署的纸质保管交接单，补录在没有站点的地方进行的押运员之间的交接（标记为补录）</translation>
    </message>
    <message>
        <source>Unpack the selected package, which was never picked up</source>
        <translation>拆开所选的尚未取走的样品包</translation>
    </message>
    <message>
        <source>Why is {number} cancelled? Its aliquots stay in your storage.</source>
        <translation>为什么取消 {number}？其分样仍留在本机构库中。</translation>
    </message>
    <message>
        <source>Write a signed exchange file about the selected package (items, legs, signatures, custody events) for a partner installation</source>
        <translation>为合作机构的站点写出关于所选样品包的已签名交换文件（物品、运段、签名、保管事件）</translation>
    </message>
    <message>
        <source>discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>transfers</source>
        <translation>转运</translation>
    </message>
    <message numerus="yes">
        <source>{number} is received and in your custody. %n discrepancy(ies) recorded for the lender&apos;s curators to resolve:</source>
        <translation>
            <numerusform>{number} 已接收，现由您保管。已记录 %n 条差异，待出借方样品管理员处理：</numerusform>
        </translation>
    </message>
</context>
</TS>
