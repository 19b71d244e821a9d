<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_loans_clearance</name>
    <message>
        <source>&amp;Attest</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Attest…</source>
        <translation>确认(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>审查项(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Waive</source>
        <translation>豁免(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Waive…</source>
        <translation>豁免(&amp;W)…</translation>
    </message>
    <message>
        <source>Attest a clearance item of loan {number}</source>
        <translation>确认借样 {number} 的审查项</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>借出前审查</translation>
    </message>
    <message>
        <source>Complete.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Document for the clearance item</source>
        <translation>审查项的文件</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>审查项</translation>
    </message>
    <message>
        <source>No checklist (approved before clearance was recorded).</source>
        <translation>无审查清单（批准于开始记录审查之前）。</translation>
    </message>
    <message numerus="yes">
        <source>Not complete: %n item(s) open; the loan cannot be approved yet.</source>
        <translation>
            <numerusform>未完成：%n 项未办，借样暂不能批准。</numerusform>
        </translation>
    </message>
    <message>
        <source>Note or reason</source>
        <translation>备注或理由</translation>
    </message>
    <message>
        <source>Record an item as done, with its document</source>
        <translation>记录某项已办妥，并附文件</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Save &amp;file…</source>
        <translation>保存文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Save the file</source>
        <translation>保存文件</translation>
    </message>
    <message>
        <source>Save the file kept with the selected item, as it was attested</source>
        <translation>保存所选审查项附带的文件，与确认时完全一致</translation>
    </message>
    <message>
        <source>Save the file of &apos;{item}&apos;</source>
        <translation>保存“{item}”的文件</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <source>Select an item that has a file to save it</source>
        <translation>请选择带有文件的审查项以保存其文件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {error}.</source>
        <translation>无法读取文件 {path}：{error}。</translation>
    </message>
    <message>
        <source>The item &apos;{item}&apos; has no file any more.</source>
        <translation>审查项“{item}”已没有文件。</translation>
    </message>
    <message>
        <source>This loan has no clearance checklist.</source>
        <translation>此借样没有审查清单。</translation>
    </message>
    <message>
        <source>Waive a clearance item of loan {number}</source>
        <translation>豁免借样 {number} 的审查项</translation>
    </message>
    <message>
        <source>Waive an item, with the reason (the lender&apos;s curator)</source>
        <translation>豁免某项并说明理由（出借方样品管理员）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>attested</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>e.g. No import permit is required for research samples</source>
        <translation>例如：科研样品无需进口许可</translation>
    </message>
    <message>
        <source>e.g. permit no. and issuer</source>
        <translation>例如：许可证号及签发机关</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未办</translation>
    </message>
    <message>
        <source>optional: a scan or PDF</source>
        <translation>可选：扫描件或 PDF</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>已豁免</translation>
    </message>
</context>
<context>
    <name>_loans_deliverables</name>
    <message numerus="yes">
        <source>%n deliverable(s) overdue</source>
        <translation>
            <numerusform>%n 项应交成果已逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>参考信息(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Waive</source>
        <translation>免除(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Waive…</source>
        <translation>免除(&amp;W)…</translation>
    </message>
    <message>
        <source>Accountable</source>
        <translation>待核算</translation>
    </message>
    <message>
        <source>Add a deliverable to loan {number}</source>
        <translation>为借样 {number} 添加应交成果</translation>
    </message>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>附加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>是否平衡</translation>
    </message>
    <message>
        <source>Balances to the microgram; nothing left to account for.</source>
        <translation>精确到微克平衡；已无待核算样品。</translation>
    </message>
    <message>
        <source>Balances; {mass} still to be accounted for.</source>
        <translation>平衡；仍有 {mass} 待核算。</translation>
    </message>
    <message>
        <source>Book mass corrected by {mass} while on loan</source>
        <translation>借出期间账面质量更正 {mass}</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>消耗</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>说明(&amp;E)：</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>应交成果</translation>
    </message>
    <message>
        <source>Deliverables</source>
        <translation>应交成果</translation>
    </message>
    <message>
        <source>Delivered file</source>
        <translation>提交的文件</translation>
    </message>
    <message>
        <source>Does not balance: issued differs from consumed, lost, returned and accountable.</source>
        <translation>不平衡：已发出量与消耗、丢失、归还和待核算之和不符。</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>File SHA-256: {sha}</source>
        <translation>文件 SHA-256：{sha}</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Form F-75 &amp;PDF…</source>
        <translation>F-75 表 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>标记为已提交(&amp;D)</translation>
    </message>
    <message>
        <source>Mark &amp;delivered…</source>
        <translation>标记为已提交(&amp;D)…</translation>
    </message>
    <message>
        <source>Mark delivered: {title}</source>
        <translation>标记为已提交：{title}</translation>
    </message>
    <message>
        <source>Material all accounted for: awaiting deliverables</source>
        <translation>样品已全部核算：待交成果</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>未附加文件</translation>
    </message>
    <message>
        <source>Nothing issued yet: the accounting starts at shipping.</source>
        <translation>尚未发出任何样品：核算自发运开始。</translation>
    </message>
    <message>
        <source>Record the selected deliverable delivered, with a reference or a file</source>
        <translation>记录所选应交成果已提交，附参考信息或文件</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考信息</translation>
    </message>
    <message>
        <source>Release the borrower from the selected deliverable, with a reason</source>
        <translation>免除借用方的所选应交成果，并说明理由</translation>
    </message>
    <message>
        <source>Release the borrower of loan {number} from this deliverable? The reason is kept with it.</source>
        <translation>免除借样 {number} 借用方的这项应交成果？理由将随之保存。</translation>
    </message>
    <message>
        <source>Return accounting (form F-75)</source>
        <translation>归还核算（F-75 表）</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>Select a deliverable first.</source>
        <translation>请先选择一项应交成果。</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分装</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The return accounting form, signed, to preview, print or save</source>
        <translation>已签名的归还核算表，可预览、打印或保存</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Waive: {title}</source>
        <translation>免除：{title}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>With the aliquots split from it: {children}</source>
        <translation>含由其分装的分样：{children}</translation>
    </message>
    <message>
        <source>Write down something more the loan owes</source>
        <translation>记下该借样还应提交的成果</translation>
    </message>
    <message>
        <source>e.g. doi:10.1029/2026JE008123 or the report&apos;s number</source>
        <translation>例如 doi:10.1029/2026JE008123 或报告编号</translation>
    </message>
</context>
<context>
    <name>_loans_detail</name>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>At loan</source>
        <translation>借出时</translation>
    </message>
    <message>
        <source>Borrower:</source>
        <translation>借用方：</translation>
    </message>
    <message>
        <source>Borrower: {name} ({code})</source>
        <translation>借用方：{name}（{code}）</translation>
    </message>
    <message>
        <source>Bound to content hash {hash}</source>
        <translation>绑定的内容哈希：{hash}</translation>
    </message>
    <message>
        <source>Co-investigators:</source>
        <translation>合作研究人员：</translation>
    </message>
    <message>
        <source>Co-investigators: {names}</source>
        <translation>合作研究人员：{names}</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Destructive analysis allowed: {answer}</source>
        <translation>允许破坏性分析：{answer}</translation>
    </message>
    <message>
        <source>Destructive analysis:</source>
        <translation>破坏性分析：</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>手写签名</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已发出</translation>
    </message>
    <message numerus="yes">
        <source>Items (%n, {mass} in all):</source>
        <translation>
            <numerusform>借样项（%n 个，共 {mass}）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Items and reconciliation</source>
        <translation>借样项与核对</translation>
    </message>
    <message>
        <source>Items and signatures</source>
        <translation>借样项与签名</translation>
    </message>
    <message>
        <source>Lender:</source>
        <translation>出借方：</translation>
    </message>
    <message>
        <source>Lender: {name}</source>
        <translation>出借方：{name}</translation>
    </message>
    <message>
        <source>Loan {number}</source>
        <translation>借样 {number}</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未结清</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Past its due date with material still out</source>
        <translation>已过到期日，仍有样品未归还</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>借用期限：</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>借用期限：{period}</translation>
    </message>
    <message>
        <source>Principal investigator:</source>
        <translation>项目负责人：</translation>
    </message>
    <message>
        <source>Principal investigator: {name}</source>
        <translation>项目负责人：{name}</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>用途：</translation>
    </message>
    <message>
        <source>Purpose: {purpose}</source>
        <translation>用途：{purpose}</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已归还</translation>
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
        <source>Split at the borrower from {parent}</source>
        <translation>在借用方由 {parent} 分装而来</translation>
    </message>
    <message>
        <source>Split off</source>
        <translation>已分装</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>借用条款</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>at borrower</source>
        <translation>在借用方</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>not shipped</source>
        <translation>未发运</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>returned</source>
        <comment>a loan item&apos;s state</comment>
        <translation>已归还</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
</context>
<context>
    <name>_loans_dialogs</name>
    <message>
        <source>&amp;Keep loan</source>
        <translation>保留借样(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;New due date:</source>
        <translation>新到期日(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Sign and close…</source>
        <translation>签名并结束(&amp;S)…</translation>
    </message>
    <message>
        <source>Cancel &amp;loan</source>
        <translation>取消借样(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel loan {number}</source>
        <translation>取消借样 {number}</translation>
    </message>
    <message>
        <source>Cancel loan {number}? Its items go back to being available for other loans. The reason is kept with the loan.</source>
        <translation>取消借样 {number}？其借样项将恢复为可供其他借样使用。取消理由随借样保存。</translation>
    </message>
    <message>
        <source>Close loan {number}</source>
        <translation>结束借样 {number}</translation>
    </message>
    <message>
        <source>Continue to &amp;signature…</source>
        <translation>继续签名(&amp;S)…</translation>
    </message>
    <message>
        <source>Due now:</source>
        <translation>当前到期日：</translation>
    </message>
    <message>
        <source>Extend loan {number}</source>
        <translation>借样 {number} 延期</translation>
    </message>
    <message>
        <source>Extension of the loan</source>
        <translation>借样延期</translation>
    </message>
    <message>
        <source>Period: {period} (extended from {due})
Reason: {reason}</source>
        <translation>借用期限：{period}（由 {due} 延期）
理由：{reason}</translation>
    </message>
    <message>
        <source>Reconciliation and closing of loan {number} ({borrower})</source>
        <translation>借样 {number}（{borrower}）的核对与结束</translation>
    </message>
    <message>
        <source>Reconciliation of loan {number} ({borrower}). Every microgram issued must be consumed, lost or returned before the loan can be closed.</source>
        <translation>借样 {number}（{borrower}）的核对。发出的每一微克都须已消耗、已丢失或已归还，借样方可结束。</translation>
    </message>
    <message>
        <source>e.g. Borrower&apos;s request of 2026-03-02: beam time moved</source>
        <translation>例如：借用方 2026-03-02 的申请：束流时间推迟</translation>
    </message>
    <message>
        <source>{number}: issued {issued}, consumed {consumed}, lost {lost}, returned {returned}, outstanding {outstanding}</source>
        <translation>分样 {number}：发出 {issued}，消耗 {consumed}，丢失 {lost}，归还 {returned}，未结清 {outstanding}</translation>
    </message>
</context>
<context>
    <name>_loans_editor</name>
    <message numerus="yes">
        <source>%n aliquot(s), {mass}</source>
        <translation>
            <numerusform>%n 个分样，{mass}</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add to loan</source>
        <translation>加入借样(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Borrower:</source>
        <translation>借用方(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Principal investigator:</source>
        <translation>项目负责人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remove item</source>
        <translation>移除借样项(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>; %n removed on Save</source>
        <translation>
            <numerusform>；保存时移除 %n 个</numerusform>
        </translation>
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
        <source>Aliquot {number} is on this loan already.</source>
        <translation>分样 {number} 已在此借样中。</translation>
    </message>
    <message>
        <source>Choose the borrower…</source>
        <translation>选择借用方…</translation>
    </message>
    <message>
        <source>Choose the borrowing institution.</source>
        <translation>请选择借用机构。</translation>
    </message>
    <message>
        <source>Choose the principal investigator.</source>
        <translation>请选择项目负责人。</translation>
    </message>
    <message>
        <source>Choose the principal investigator…</source>
        <translation>选择项目负责人…</translation>
    </message>
    <message>
        <source>Close the loan editor without saving your changes?</source>
        <translation>不保存更改就关闭借样编辑器？</translation>
    </message>
    <message>
        <source>Co-&amp;investigators:</source>
        <translation>合作研究人员(&amp;I)：</translation>
    </message>
    <message>
        <source>Destructive analysis allowed</source>
        <translation>允许破坏性分析</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>Edit loan {number}</source>
        <translation>编辑借样 {number}</translation>
    </message>
    <message>
        <source>Find an aliquot in storage: number, sample…</source>
        <translation>查找在库分样：编号、样品…</translation>
    </message>
    <message>
        <source>Funding, legal clearance, export permits…</source>
        <translation>经费、法律审批、出口许可…</translation>
    </message>
    <message>
        <source>Items on this loan</source>
        <translation>此借样的借样项</translation>
    </message>
    <message>
        <source>Lendable aliquots in your storage</source>
        <translation>本机构在库可借出的分样</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>New loan</source>
        <translation>新建借样</translation>
    </message>
    <message>
        <source>One name a line</source>
        <translation>每行一个姓名</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>用途(&amp;U)：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>借用期限：</translation>
    </message>
    <message>
        <source>Removed {number}.</source>
        <translation>已移除分样 {number}。</translation>
    </message>
    <message>
        <source>Save the draft (Ctrl+S)</source>
        <translation>保存草稿 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Scan an aliquot label (or type its number), then Enter</source>
        <translation>扫描分样标签（或输入其编号），然后按 Enter</translation>
    </message>
    <message>
        <source>Select an aliquot in the list first.</source>
        <translation>请先在列表中选择一个分样。</translation>
    </message>
    <message>
        <source>Select an item to remove.</source>
        <translation>请选择要移除的借样项。</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>借用条款</translation>
    </message>
    <message>
        <source>The borrower and principal investigator of a draft are fixed; cancel the draft and prepare a new loan to change them.</source>
        <translation>草稿的借用方和项目负责人已固定；如需更改，请取消此草稿并新建借样。</translation>
    </message>
    <message>
        <source>added on Save</source>
        <translation>保存时加入</translation>
    </message>
    <message>
        <source>e.g. Space weathering of Chang&apos;e-5 regolith</source>
        <translation>例如：嫦娥五号月壤的空间风化</translation>
    </message>
    <message>
        <source>in storage</source>
        <translation>在库分样</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from a date to a date</comment>
        <translation>至</translation>
    </message>
    <message>
        <source>{borrower} has no active person to name.</source>
        <translation>{borrower} 没有可指定的在职人员。</translation>
    </message>
</context>
<context>
    <name>_loans_inventory</name>
    <message>
        <source>&amp;Certify…</source>
        <translation>证明(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Found</source>
        <translation>已找到(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Inventory…</source>
        <translation>盘点(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Missing…</source>
        <translation>缺失(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Start inventory</source>
        <translation>开始盘点(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Weigh…</source>
        <translation>称量(&amp;W)…</translation>
    </message>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} missing</source>
        <translation>分样 {aliquot} 缺失</translation>
    </message>
    <message>
        <source>Book mass</source>
        <translation>账面质量</translation>
    </message>
    <message>
        <source>Certificate &amp;PDF…</source>
        <translation>证明 &amp;PDF…</translation>
    </message>
    <message>
        <source>Certify inventory</source>
        <translation>证明盘点</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <source>Expected {expected} · found {found} · missing {missing} · not checked {pending} · unexpected {unexpected}</source>
        <translation>应有 {expected} · 已找到 {found} · 缺失 {missing} · 未核对 {pending} · 意外 {unexpected}</translation>
    </message>
    <message>
        <source>Inventory certificate</source>
        <translation>盘点证明</translation>
    </message>
    <message>
        <source>Inventory of loan {loan}</source>
        <translation>借样 {loan} 的盘点</translation>
    </message>
    <message>
        <source>Inventory {number} of loan {loan} ({status}), {answers}. Principal investigator: {pi}.</source>
        <translation>借样 {loan} 的盘点 {number}（{status}），{answers}。项目负责人：{pi}。</translation>
    </message>
    <message>
        <source>Inventory {number} of loan {loan}: {expected} aliquot(s) expected, {found} found, {missing} missing (reported lost), {unexpected} unexpected.</source>
        <translation>借样 {loan} 的盘点 {number}：应有 {expected} 个分样，已找到 {found} 个，缺失 {missing} 个（已报告丢失），意外 {unexpected} 个。</translation>
    </message>
    <message>
        <source>Loan {loan} has no inventory yet.</source>
        <translation>借样 {loan} 尚无盘点。</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Missing aliquot</source>
        <translation>缺失的分样</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Report it lost now (a loss report)</source>
        <translation>立即报告丢失（丢失报告）</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Scan or type an aliquot number, then Enter</source>
        <translation>扫描或输入分样编号，然后按回车</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <source>Select an expected aliquot first.</source>
        <translation>请先选择一个应有分样。</translation>
    </message>
    <message>
        <source>Start inventory</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>Take or read the loan&apos;s annual inventory (scan what is held)</source>
        <translation>进行或查看该借样的年度盘点（扫描所持有的分样）</translation>
    </message>
    <message>
        <source>The annual inventory due on {day} is overdue: no new loan or shipment to {pi} until one is certified.</source>
        <translation>{day} 到期的年度盘点已逾期：在盘点得到证明之前，不向 {pi} 提供新的借样或发运。</translation>
    </message>
    <message>
        <source>The principal investigator signs the inventory.</source>
        <translation>由项目负责人签名证明盘点。</translation>
    </message>
    <message>
        <source>Tick the selected aliquot as found</source>
        <translation>将所选分样勾选为已找到</translation>
    </message>
    <message>
        <source>Weigh</source>
        <translation>称量</translation>
    </message>
    <message>
        <source>Where it was searched, what is known</source>
        <translation>在何处查找过，已知情况</translation>
    </message>
    <message>
        <source>answers the anniversary of {day}</source>
        <translation>对应 {day} 的周年</translation>
    </message>
    <message>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>mass, e.g. 12.5 mg</source>
        <translation>质量，如 12.5 mg</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未核对</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>按需</translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation>已报告丢失</translation>
    </message>
    <message>
        <source>unexpected</source>
        <translation>意外</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{aliquot}: scanned already</source>
        <translation>{aliquot}：已扫描过</translation>
    </message>
    <message>
        <source>{aliquot}: {outcome}</source>
        <translation>{aliquot}：{outcome}</translation>
    </message>
    <message>
        <source>{count} expected aliquot(s) are neither found nor missing.</source>
        <translation>{count} 个应有分样既未找到也未标记为缺失。</translation>
    </message>
</context>
<context>
    <name>_loans_receivers</name>
    <message>
        <source>A person of the borrowing institution</source>
        <translation>借用方机构的一名人员</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add an authorised receiver</source>
        <translation>添加授权接收人</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Authorise the chosen person to receive this loan&apos;s packages</source>
        <translation>授权所选人员接收本借样的包裹</translation>
    </message>
    <message>
        <source>Authorised receivers</source>
        <translation>授权接收人</translation>
    </message>
    <message>
        <source>Choose a person of the borrowing institution.</source>
        <translation>请选择借用方机构的一名人员。</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Function, e.g. co-official</source>
        <translation>职责，例如：共同负责人</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove an authorised receiver</source>
        <translation>移除授权接收人</translation>
    </message>
    <message>
        <source>Removed: {name} ({function}), by {by} on {when}</source>
        <translation>已移除：{name}（{function}），由 {by} 于 {when} 移除</translation>
    </message>
    <message>
        <source>Say what they are for the loan, e.g. co-official.</source>
        <translation>请说明其在本借样中的职责，例如：共同负责人。</translation>
    </message>
    <message>
        <source>Select a receiver to remove.</source>
        <translation>请选择要移除的接收人。</translation>
    </message>
    <message>
        <source>Take the selected receiver off the list</source>
        <translation>将所选接收人从名单中移除</translation>
    </message>
    <message>
        <source>principal investigator</source>
        <translation>项目负责人</translation>
    </message>
</context>
<context>
    <name>_loans_view</name>
    <message numerus="yes">
        <source>%n loan item(s) written to {path}.</source>
        <translation>
            <numerusform>已将 %n 个借样项写入 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Close loan…</source>
        <translation>结束借样(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Edit loan…</source>
        <translation>编辑借样(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;New loan…</source>
        <translation>新建借样(&amp;N)…</translation>
    </message>
    <message>
        <source>A&amp;greement PDF…</source>
        <translation>协议 PDF(&amp;G)…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Approval of the loan agreement by the lender</source>
        <translation>出借方批准样品借用协议</translation>
    </message>
    <message>
        <source>Approve loan</source>
        <translation>批准借样</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Awaiting deliverables</source>
        <translation>待交成果</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation>CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Cancel &amp;loan…</source>
        <translation>取消借样(&amp;L)…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Change the terms and items of this draft</source>
        <translation>修改此草稿的借用条款和借样项</translation>
    </message>
    <message>
        <source>Check the reconciliation and sign the loan closed</source>
        <translation>检查核对结果并签名结束借样</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Co&amp;untersign…</source>
        <translation>会签(&amp;U)…</translation>
    </message>
    <message>
        <source>Countersign loan</source>
        <translation>会签借样</translation>
    </message>
    <message>
        <source>Countersignature of the loan agreement by the borrower</source>
        <translation>借用方会签样品借用协议</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation>延期(&amp;X)…</translation>
    </message>
    <message>
        <source>Ex&amp;port loans…</source>
        <translation>导出借样(&amp;P)…</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>Export loans</source>
        <translation>导出借样</translation>
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
        <source>Labels (QR code, number, sample, mass) for the loan&apos;s items</source>
        <translation>借样项的标签（二维码、编号、样品、质量）</translation>
    </message>
    <message>
        <source>Loan actions</source>
        <translation>借样操作</translation>
    </message>
    <message>
        <source>Loan agreement</source>
        <translation>样品借用协议</translation>
    </message>
    <message>
        <source>Loan {number} has no items to label yet.</source>
        <translation>借样 {number} 还没有可打印标签的借样项。</translation>
    </message>
    <message>
        <source>Loan {number} to {borrower}: its terms, items, signatures and the custody events of its aliquots</source>
        <translation>借给 {borrower} 的借样 {number}：其借用条款、借样项、签名及其分样的保管事件</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>借样</translation>
    </message>
    <message>
        <source>Loans exported</source>
        <translation>借样已导出</translation>
    </message>
    <message>
        <source>Move the due date on the borrower&apos;s written request</source>
        <translation>根据借用方的书面申请推迟到期日</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Prepare a new loan agreement (a draft)</source>
        <translation>起草新的样品借用协议（草稿）</translation>
    </message>
    <message>
        <source>Search loans: number, borrower, principal investigator, purpose</source>
        <translation>搜索借样：编号、借用方、项目负责人、用途</translation>
    </message>
    <message>
        <source>Select a loan to see its terms, items and signatures.</source>
        <translation>选择一笔借样以查看其借用条款、借样项和签名。</translation>
    </message>
    <message>
        <source>Sign the agreement for the borrower: approved → active</source>
        <translation>代表借用方签署协议：已批准 → 生效中</translation>
    </message>
    <message>
        <source>Sign the agreement for the lender: draft → approved</source>
        <translation>代表出借方签署协议：草稿 → 已批准</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>The loan agreement as a PDF to preview, print or save</source>
        <translation>样品借用协议 PDF，可预览、打印或保存</translation>
    </message>
    <message>
        <source>Withdraw a loan before anything was shipped</source>
        <translation>在发运任何样品之前撤销借样</translation>
    </message>
    <message>
        <source>Write a signed exchange file about this loan (terms, items, signatures, custody events) for a partner installation</source>
        <translation>为合作机构的站点写出关于此借样的已签名交换文件（借用条款、借样项、签名、保管事件）</translation>
    </message>
    <message>
        <source>Write every loan item to a CSV or JSON file</source>
        <translation>将所有借样项写入 CSV 或 JSON 文件</translation>
    </message>
    <message>
        <source>Writing {name}</source>
        <translation>正在写入 {name}</translation>
    </message>
    <message>
        <source>loan items</source>
        <translation>个借样项</translation>
    </message>
    <message>
        <source>loans</source>
        <translation>借样</translation>
    </message>
</context>
</TS>
