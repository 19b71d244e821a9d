<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>{institution} is not an active borrowing institution.</source>
        <translation>{institution} 不是有效的借用机构。</translation>
    </message>
    <message>
        <source>{person} does not work at {institution}.</source>
        <translation>{person} 不在 {institution} 工作。</translation>
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
        <source>carry packages as a courier</source>
        <translation>作为押运员携带样品包</translation>
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
</context>
<context>
    <name>_domain_queries_shipping</name>
    <message>
        <source>There is no discrepancy #{id}.</source>
        <translation>没有差异 #{id}。</translation>
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
        <source>Loan {number} never shipped anything; cancel it instead.</source>
        <translation>借样 {number} 从未发运任何样品；请改为取消该借样。</translation>
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
</context>
</TS>
