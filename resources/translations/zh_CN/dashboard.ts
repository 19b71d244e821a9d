<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_dashboard_partners</name>
    <message numerus="yes">
        <source>%n partner(s)</source>
        <translation>
            <numerusform>%n 个合作机构</numerusform>
        </translation>
    </message>
    <message>
        <source>No partner installations: custody stays in this database.</source>
        <translation>没有合作站点：保管记录只在本数据库中。</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作机构</translation>
    </message>
    <message>
        <source>Partner installations</source>
        <translation>合作站点</translation>
    </message>
    <message>
        <source>Partner ledgers that disagree with what they said before (a rewritten ledger, here or there; run Verify ledger and call the partner):</source>
        <translation>与其先前所报不一致的合作机构保管台账（本方或对方的台账可能被改写；请运行“核验保管台账”并致电合作机构）：</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待内容</translation>
    </message>
    <message>
        <source>transfer {number}: shipped {date}, no receipt back</source>
        <translation>转运 {number}：{date} 发出，尚未收到接收回执</translation>
    </message>
    <message>
        <source>{partners}. Waiting more than {days} days for a receipt back ({count}): ask the partner to export it.</source>
        <translation>{partners}。等待接收回执超过 {days} 天（{count} 件）：请合作机构导出回执。</translation>
    </message>
    <message>
        <source>{partners}; no shipment has waited more than {days} days for a receipt.</source>
        <translation>{partners}；没有发运等待接收回执超过 {days} 天。</translation>
    </message>
</context>
<context>
    <name>_dashboard_reminders</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Copy e-mail list</source>
        <translation>复制电子邮件列表</translation>
    </message>
    <message>
        <source>Copy the addresses of the people to contact (the rows shown), one list to paste into a message</source>
        <translation>复制需联系人员的地址（显示的行），合为一个列表，可粘贴到邮件中</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the reminders</source>
        <translation>导出提醒</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借样</translation>
    </message>
    <message>
        <source>Reminders: nothing is owed within 30 days, and nothing is late.</source>
        <translation>提醒：30 天内没有到期事项，也没有逾期事项。</translation>
    </message>
    <message>
        <source>Reminders: {counts}</source>
        <translation>提醒：{counts}</translation>
    </message>
    <message>
        <source>Save the reminders shown as a CSV file</source>
        <translation>将显示的提醒保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Search: tier, kind, loan, institution, person, e-mail</source>
        <translation>搜索：级别、类型、借样、机构、人员、电子邮件</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>What is owed</source>
        <translation>应办事项</translation>
    </message>
    <message>
        <source>When</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>reminder</source>
        <comment>counted</comment>
        <translation>提醒</translation>
    </message>
    <message>
        <source>reminders</source>
        <comment>counted</comment>
        <translation>提醒</translation>
    </message>
    <message>
        <source>{tier}: {count}</source>
        <translation>{tier}：{count}</translation>
    </message>
</context>
<context>
    <name>_dashboard_view</name>
    <message>
        <source>Aliquot</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>周年日</translation>
    </message>
    <message>
        <source>Annual inventories due</source>
        <translation>待做年度盘点</translation>
    </message>
    <message>
        <source>As of {date}. Double-click a row to open the record; annual inventories follow the anniversary of each loan&apos;s start date.</source>
        <translation>截至 {date}。双击一行可打开该记录；年度盘点按每笔借样开始日期的周年日进行。</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用方</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>押运员</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件方</translation>
    </message>
    <message>
        <source>In</source>
        <comment>time until</comment>
        <translation>剩余</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>Inventories due</source>
        <translation>待做盘点</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Items out</source>
        <translation>借出件数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借样</translation>
    </message>
    <message>
        <source>Loans by due date</source>
        <translation>按到期日排列的借样</translation>
    </message>
    <message>
        <source>No annual inventory is due in the next 30 days or overdue.</source>
        <translation>未来 30 天内没有到期或已逾期的年度盘点。</translation>
    </message>
    <message>
        <source>No discrepancy is waiting.</source>
        <translation>没有待处理的差异。</translation>
    </message>
    <message>
        <source>No loan with material out is due within 30 days.</source>
        <translation>30 天内没有尚有样品借出的借样到期。</translation>
    </message>
    <message>
        <source>Nothing in transit.</source>
        <translation>没有运输中的样品包。</translation>
    </message>
    <message>
        <source>OVERDUE since {date}</source>
        <translation>自 {date} 起已逾期</translation>
    </message>
    <message>
        <source>Open discrepancies</source>
        <translation>未处理的差异</translation>
    </message>
    <message>
        <source>Open discrepancies, oldest first</source>
        <translation>未处理的差异（最早的在前）</translation>
    </message>
    <message>
        <source>Overdue loans</source>
        <translation>已逾期借样</translation>
    </message>
    <message>
        <source>Packages in transit, oldest first</source>
        <translation>运输中的样品包（最早的在前）</translation>
    </message>
    <message>
        <source>Principal investigator</source>
        <translation>项目负责人</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Since release</source>
        <translation>发出至今</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>The {shown} most urgent of {total}.</source>
        <translation>共 {total} 项，显示最紧急的 {shown} 项。</translation>
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
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>When</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>annual inventories due or overdue</source>
        <translation>到期或已逾期的年度盘点</translation>
    </message>
    <message>
        <source>grace period until {date}</source>
        <translation>宽限期至 {date}</translation>
    </message>
    <message>
        <source>mass {difference}</source>
        <translation>质量 {difference}</translation>
    </message>
    <message>
        <source>packages with a courier</source>
        <translation>押运员手中的样品包</translation>
    </message>
    <message>
        <source>past due with material out</source>
        <translation>已过期且仍有样品借出</translation>
    </message>
    <message>
        <source>receipts for a curator to resolve</source>
        <translation>待样品管理员处理的接收差异</translation>
    </message>
    <message>
        <source>whole package</source>
        <translation>整个样品包</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{tab} ({count})</source>
        <translation>{tab}（{count}）</translation>
    </message>
</context>
<context>
    <name>_dashboard_widgets</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
</context>
</TS>
