<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
