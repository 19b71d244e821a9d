<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_samples_detail</name>
    <message>
        <source>, </source>
        <comment>between numbers</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Chain of custody</source>
        <translation>保管链</translation>
    </message>
    <message numerus="yes">
        <source>Chain of custody ({count} event(s))</source>
        <translation>
            <numerusform>保管链（{count} 个事件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain of custody: select an aliquot</source>
        <translation>保管链：请选择一个分样</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子分样</translation>
    </message>
    <message>
        <source>Collection container</source>
        <translation>采集容器</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>已消耗</translation>
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
        <source>Current</source>
        <translation>现有</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>保管方</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形态</translation>
    </message>
    <message>
        <source>Held in aliquots</source>
        <translation>分样中现存</translation>
    </message>
    <message>
        <source>In children</source>
        <translation>子分样中</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>初始</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借样</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Mass balance</source>
        <translation>质量平衡</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Original mass</source>
        <translation>原始质量</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有方</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>母分样</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录于</translation>
    </message>
    <message>
        <source>Recorded first on {origin}&apos;s installation, as its event #{seq}, and imported from its exchange file</source>
        <translation>最初记录于 {origin} 的站点（其事件 #{seq}），由其交换文件导入</translation>
    </message>
    <message>
        <source>Recorded on this installation ({code})</source>
        <translation>记录于本站点（{code}）</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>Sample {number}</source>
        <translation>样品 {number}</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封签</translation>
    </message>
    <message>
        <source>Select an aliquot to see where it is and its chain of custody.</source>
        <translation>选择一个分样，查看其所在位置和保管链。</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转运</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>child {number}</source>
        <translation>子分样 {number}</translation>
    </message>
    <message>
        <source>corrects #{event}</source>
        <translation>更正 #{event}</translation>
    </message>
    <message>
        <source>from {number}</source>
        <translation>来自 {number}</translation>
    </message>
    <message>
        <source>loan {number}</source>
        <translation>借样 {number}</translation>
    </message>
    <message>
        <source>seal {seal}</source>
        <translation>封签 {seal}</translation>
    </message>
    <message>
        <source>seal {seal} BROKEN</source>
        <translation>封签 {seal} 破损</translation>
    </message>
    <message>
        <source>seal {seal} intact</source>
        <translation>封签 {seal} 完好</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}：</translation>
    </message>
    <message numerus="yes">
        <source>{count} aliquot(s); expand it in the tree to see them.</source>
        <translation>
            <numerusform>{count} 个分样；在树中展开即可查看。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{numbers} and %n more</source>
        <translation>
            <numerusform>{numbers} 等，另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>{place} · transcribed from paper</source>
        <translation>{place} · 据纸质单补录</translation>
    </message>
    <message>
        <source>{sentence}.</source>
        <translation>{sentence}。</translation>
    </message>
    <message>
        <source>{where}; transcribed from paper: typed in from the signed paper custody form</source>
        <translation>{where}；据纸质单补录：按已签名的纸质保管交接单录入</translation>
    </message>
    <message>
        <source>✓ The mass balance holds.</source>
        <translation>✓ 质量平衡无误。</translation>
    </message>
    <message>
        <source>✗ The parts add up to {parts}, not {initial}: run Verify ledger.</source>
        <translation>✗ 各部分合计 {parts}，而非 {initial}：请运行“核验保管台账”。</translation>
    </message>
</context>
<context>
    <name>_samples_dialogs</name>
    <message>
        <source>&amp;Add aliquot</source>
        <translation>添加分样(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add child</source>
        <translation>添加子分样(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Consumed mass:</source>
        <translation>消耗质量(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Container:</source>
        <translation>容器(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>事件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Form of the children:</source>
        <translation>子分样形态(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Mass change:</source>
        <translation>质量变化(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Mission:</source>
        <translation>任务(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Original mass:</source>
        <translation>原始质量(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Record correction</source>
        <translation>记录更正(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>分装(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>经过(&amp;W)：</translation>
    </message>
    <message>
        <source>+0.5 mg or -1.2 mg; empty to correct only a note</source>
        <translation>+0.5 mg 或 -1.2 mg；只更正备注则留空</translation>
    </message>
    <message>
        <source>&lt;b&gt;{number}&lt;/b&gt; holds &lt;b&gt;{mass}&lt;/b&gt;. Give the mass of each child aliquot (mg unless a unit is given).</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; 现有 &lt;b&gt;{mass}&lt;/b&gt;。请填写每个子分样的质量（未写单位即为 mg）。</translation>
    </message>
    <message>
        <source>Aliquot number</source>
        <translation>分样编号</translation>
    </message>
    <message>
        <source>Aliquot row {row} needs a mass.</source>
        <translation>第 {row} 行分样须填写质量。</translation>
    </message>
    <message>
        <source>Aliquot {number} needs a mass.</source>
        <translation>分样 {number} 须填写质量。</translation>
    </message>
    <message>
        <source>Aliquots registered with it (masses in mg unless a unit is given)</source>
        <translation>随样品登记的分样（未写单位的质量按 mg 计）</translation>
    </message>
    <message>
        <source>All of its {mass} will be recorded as lost. The ledger keeps this for good; a mistake can only be corrected by a new event.</source>
        <translation>其全部 {mass} 将记为丢失。保管台账会永久保留此记录；如有错误，只能以新事件更正。</translation>
    </message>
    <message>
        <source>Book mass after:</source>
        <translation>更正后账面质量：</translation>
    </message>
    <message>
        <source>Child {position}:</source>
        <translation>子分样 {position}：</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子分样</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Correct an event of {number}</source>
        <translation>更正 {number} 的事件</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形态</translation>
    </message>
    <message>
        <source>Give the consumed mass.</source>
        <translation>请填写消耗质量。</translation>
    </message>
    <message>
        <source>Give the mass of child {position}.</source>
        <translation>请填写子分样 {position} 的质量。</translation>
    </message>
    <message>
        <source>Holds now:</source>
        <translation>现有质量：</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Not reported lost.</source>
        <translation>未报告丢失。</translation>
    </message>
    <message>
        <source>Re&amp;move aliquot</source>
        <translation>移除分样(&amp;M)</translation>
    </message>
    <message>
        <source>Record consumption of {number}</source>
        <translation>记录 {number} 的消耗</translation>
    </message>
    <message>
        <source>Register sample</source>
        <translation>登记样品</translation>
    </message>
    <message>
        <source>Remaining in the parent:</source>
        <translation>母分样剩余：</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Report &amp;lost</source>
        <translation>报告丢失(&amp;L)</translation>
    </message>
    <message>
        <source>Report aliquot {number} lost, with all of its {mass}?</source>
        <translation>报告分样 {number} 丢失，连同其全部 {mass}？</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>报告丢失</translation>
    </message>
    <message>
        <source>Report {number} lost</source>
        <translation>报告 {number} 丢失</translation>
    </message>
    <message>
        <source>Sample &amp;number:</source>
        <translation>样品编号(&amp;N)：</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封签</translation>
    </message>
    <message>
        <source>Split {number}</source>
        <translation>分装 {number}</translation>
    </message>
    <message>
        <source>The analysis, e.g. noble gas extraction</source>
        <translation>所做分析，例如惰性气体提取</translation>
    </message>
    <message>
        <source>What happened (required)</source>
        <translation>事情经过（必填）</translation>
    </message>
    <message>
        <source>What the sample is and where from</source>
        <translation>样品是什么、来自何处</translation>
    </message>
    <message>
        <source>Why the event was wrong (required)</source>
        <translation>该事件错在何处（必填）</translation>
    </message>
    <message>
        <source>Why, and where the children go (optional)</source>
        <translation>分装原因及子分样去向（选填）</translation>
    </message>
    <message>
        <source>as the parent ({form})</source>
        <translation>同母分样（{form}）</translation>
    </message>
    <message>
        <source>consumed mass</source>
        <translation>消耗质量</translation>
    </message>
    <message>
        <source>e.g. 1.5 g or 1500 mg; empty if not recorded</source>
        <translation>例如 1.5 g 或 1500 mg；未记录则留空</translation>
    </message>
    <message>
        <source>e.g. 10 mg</source>
        <translation>例如 10 mg</translation>
    </message>
    <message>
        <source>e.g. 50 mg</source>
        <translation>例如 50 mg</translation>
    </message>
    <message>
        <source>e.g. CE5C0400 or 70017</source>
        <translation>例如 CE5C0400 或 70017</translation>
    </message>
    <message>
        <source>e.g. regolith, basalt, breccia</source>
        <translation>例如 月壤、玄武岩、角砾岩</translation>
    </message>
    <message>
        <source>e.g. vial 12</source>
        <translation>例如 12 号样品瓶</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>original mass</source>
        <translation>原始质量</translation>
    </message>
    <message>
        <source>sample number</source>
        <translation>样品编号</translation>
    </message>
</context>
<context>
    <name>_samples_io</name>
    <message>
        <source>Aliquots registered: {count}</source>
        <translation>已登记分样：{count}</translation>
    </message>
    <message>
        <source>Blank lines skipped: {count}</source>
        <translation>跳过的空行：{count}</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Catalogued without an aliquot (no mass): {count}</source>
        <translation>已编目但无分样（无质量）：{count}</translation>
    </message>
    <message>
        <source>Correct these lines in the file and import it again.</source>
        <translation>请在文件中改正这些行，然后重新导入。</translation>
    </message>
    <message>
        <source>Export inventory</source>
        <translation>导出库存清单</translation>
    </message>
    <message>
        <source>File layout: {layout}</source>
        <translation>文件格式：{layout}</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>Import samples</source>
        <translation>导入样品</translation>
    </message>
    <message>
        <source>Import samples from CSV</source>
        <translation>从 CSV 导入样品</translation>
    </message>
    <message>
        <source>Inventory exported</source>
        <translation>库存清单已导出</translation>
    </message>
    <message>
        <source>Registered {counted_samples} with {counted_aliquots} ({mass}).</source>
        <translation>已登记 {counted_samples}，含 {counted_aliquots}（{mass}）。</translation>
    </message>
    <message>
        <source>Registering the samples of {file}</source>
        <translation>正在登记 {file} 中的样品</translation>
    </message>
    <message>
        <source>Samples registered: {count}</source>
        <translation>已登记样品：{count}</translation>
    </message>
    <message>
        <source>Total aliquot mass: {mass}</source>
        <translation>分样总质量：{mass}</translation>
    </message>
    <message>
        <source>Writing the inventory</source>
        <translation>正在写入库存清单</translation>
    </message>
    <message>
        <source>aliquots</source>
        <translation>个分样</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message numerus="yes">
        <source>{count} aliquot(s)</source>
        <translation>
            <numerusform>{count} 个分样</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} aliquot(s) written to {file} ({format}).</source>
        <translation>
            <numerusform>已将 {count} 个分样写入 {file}（{format}）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} sample(s)</source>
        <translation>
            <numerusform>{count} 个样品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_samples_lineage</name>
    <message>
        <source>Container / seal</source>
        <translation>容器 / 封签</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>保管方</translation>
    </message>
    <message>
        <source>Initial mass {mass}</source>
        <translation>初始质量 {mass}</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借样</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>No custodian</source>
        <translation>无保管方</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Original mass: {original}; held in its aliquots now: {held}</source>
        <translation>原始质量：{original}；现存于其分样：{held}</translation>
    </message>
    <message>
        <source>Sample {number}</source>
        <translation>样品 {number}</translation>
    </message>
    <message>
        <source>Sample {number} ({details})</source>
        <translation>样品 {number}（{details}）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>none</source>
        <comment>mass</comment>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>{count} aliquot(s)</source>
        <translation>
            <numerusform>{count} 个分样</numerusform>
        </translation>
    </message>
    <message>
        <source>{custodian}, carried by {holder}</source>
        <translation>{custodian}，由 {holder} 押运</translation>
    </message>
    <message>
        <source>{custodian}, held by {holder}</source>
        <translation>{custodian}，由 {holder} 保管</translation>
    </message>
</context>
<context>
    <name>_samples_pictures</name>
    <message>
        <source>#{event} {kind}, {when}</source>
        <translation>#{event} {kind}，{when}</translation>
    </message>
    <message numerus="yes">
        <source>%n more part(s)</source>
        <translation>
            <numerusform>另外 %n 个部分</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain of custody</source>
        <translation>保管链</translation>
    </message>
    <message>
        <source>Custody of {number}</source>
        <translation>{number} 的保管</translation>
    </message>
    <message>
        <source>Custody timeline</source>
        <translation>保管时间线</translation>
    </message>
    <message>
        <source>Export the picture: {picture}</source>
        <translation>导出图：{picture}</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Held by {holder} after it</source>
        <translation>此后由 {holder} 保管</translation>
    </message>
    <message>
        <source>Mass after it: {mass}</source>
        <translation>此后质量：{mass}</translation>
    </message>
    <message>
        <source>Mass flow</source>
        <translation>质量流向</translation>
    </message>
    <message>
        <source>No mass is recorded for {subject}.</source>
        <translation>{subject} 没有记录质量。</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Relinquished by</source>
        <translation>交出人</translation>
    </message>
    <message>
        <source>Save this picture as a PNG image or an SVG drawing</source>
        <translation>将此图保存为 PNG 图像或 SVG 矢量图</translation>
    </message>
    <message>
        <source>Select an aliquot to see its custody timeline, or a sample or an aliquot to see its mass flow.</source>
        <translation>选择一个分样查看其保管时间线，或选择一个样品或分样查看其质量流向。</translation>
    </message>
    <message>
        <source>Select an aliquot to see its custody timeline.</source>
        <translation>选择一个分样，查看其保管时间线。</translation>
    </message>
    <message>
        <source>There is no picture to export: select a sample or an aliquot.</source>
        <translation>没有可导出的图：请选择一个样品或分样。</translation>
    </message>
    <message>
        <source>Transfer {number}</source>
        <translation>转运 {number}</translation>
    </message>
    <message>
        <source>aliquot {number}</source>
        <translation>分样 {number}</translation>
    </message>
    <message>
        <source>children recorded elsewhere</source>
        <translation>记录于他处的子分样</translation>
    </message>
    <message>
        <source>consumed</source>
        <comment>mass flow</comment>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>courier</source>
        <comment>lane</comment>
        <translation>押运员</translation>
    </message>
    <message>
        <source>custodian</source>
        <comment>lane</comment>
        <translation>保管方</translation>
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
        <comment>mass flow</comment>
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
        <comment>mass flow</comment>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签名</translation>
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
        <comment>mass flow</comment>
        <translation>已归还</translation>
    </message>
    <message>
        <source>sample {number}</source>
        <translation>样品 {number}</translation>
    </message>
    <message>
        <source>seal {seal}</source>
        <translation>封签 {seal}</translation>
    </message>
    <message>
        <source>seal {seal} BROKEN</source>
        <translation>封签 {seal} 破损</translation>
    </message>
    <message>
        <source>seal {seal} intact</source>
        <translation>封签 {seal} 完好</translation>
    </message>
    <message>
        <source>unknown holder</source>
        <translation>保管方不明</translation>
    </message>
    <message>
        <source>{marks} both signed</source>
        <translation>{marks} 双方已签名</translation>
    </message>
    <message>
        <source>{picture} of {subject}</source>
        <translation>{subject} 的{picture}</translation>
    </message>
    <message>
        <source>{role} {name}</source>
        <translation>{role}：{name}</translation>
    </message>
    <message>
        <source>✓ signed</source>
        <translation>✓ 已签名</translation>
    </message>
</context>
<context>
    <name>_samples_view</name>
    <message numerus="yes">
        <source>%n aliquot(s): {numbers}, with their history and the aliquots split off them</source>
        <translation>
            <numerusform>%n 个分样：{numbers}，连同其历史及由其分装出的分样</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export inventory…</source>
        <translation>导出库存清单(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Register sample…</source>
        <translation>登记样品(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Split…</source>
        <translation>分装(&amp;S)…</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between numbers</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>C&amp;orrect event…</source>
        <translation>更正事件(&amp;O)…</translation>
    </message>
    <message>
        <source>Export to &amp;partner…</source>
        <translation>导出给合作机构(&amp;P)…</translation>
    </message>
    <message>
        <source>No aliquot or sample with the number {code}.</source>
        <translation>没有编号为 {code} 的分样或样品。</translation>
    </message>
    <message>
        <source>Not possible now</source>
        <translation>现在无法执行</translation>
    </message>
    <message>
        <source>Record &amp;consumption…</source>
        <translation>记录消耗(&amp;C)…</translation>
    </message>
    <message>
        <source>Record a correction of one of the selected aliquot&apos;s events</source>
        <translation>为所选分样的某个事件记录更正</translation>
    </message>
    <message>
        <source>Record mass used up by destructive analysis</source>
        <translation>记录破坏性分析消耗的质量</translation>
    </message>
    <message>
        <source>Register a new sample with its first aliquots</source>
        <translation>登记新样品及其首批分样</translation>
    </message>
    <message>
        <source>Register samples and aliquots from a CSV file (all or nothing)</source>
        <translation>从 CSV 文件登记样品和分样（全部成功或全部不登记）</translation>
    </message>
    <message>
        <source>Report &amp;lost…</source>
        <translation>报告丢失(&amp;L)…</translation>
    </message>
    <message>
        <source>Report the selected aliquot lost</source>
        <translation>报告所选分样丢失</translation>
    </message>
    <message>
        <source>Samples and aliquots</source>
        <translation>样品与分样</translation>
    </message>
    <message>
        <source>Scan or type an aliquot or sample number, then Enter</source>
        <translation>扫描或输入分样或样品编号，然后按 Enter</translation>
    </message>
    <message>
        <source>Search samples: number, custodian institution, PI or mission</source>
        <translation>搜索样品：编号、保管机构、项目负责人或任务</translation>
    </message>
    <message>
        <source>Select an aliquot to see where it is and its chain of custody.</source>
        <translation>选择一个分样，查看其所在位置和保管链。</translation>
    </message>
    <message>
        <source>Split child aliquots off the selected aliquot</source>
        <translation>从所选分样分装出子分样</translation>
    </message>
    <message>
        <source>Write a signed exchange file about the selected aliquots (with their history) for a partner installation</source>
        <translation>为合作站点写出一份关于所选分样（连同其历史）的已签名交换文件</translation>
    </message>
    <message>
        <source>Write every aliquot&apos;s place and mass to a CSV or JSON file</source>
        <translation>将每个分样的位置和质量写入 CSV 或 JSON 文件</translation>
    </message>
    <message numerus="yes">
        <source>{count} sample(s)</source>
        <translation>
            <numerusform>{count} 个样品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{numbers} and %n more</source>
        <translation>
            <numerusform>{numbers} 等，另有 %n 个</numerusform>
        </translation>
    </message>
</context>
</TS>
