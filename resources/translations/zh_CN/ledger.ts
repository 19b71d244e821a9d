<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_ledger_audit</name>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Search: loans, transfer items…, a number (L2026-0003), person, new value</source>
        <translation>搜索：借样、转运项…、编号（L2026-0003）、人员、新值</translation>
    </message>
    <message>
        <source>Select an entry to read it in full.</source>
        <translation>选择一条记录以查看全文。</translation>
    </message>
    <message>
        <source>Show each entry as stored: table, record id, field, ids, JSON and UTC times</source>
        <translation>按存储原样显示每条记录：表、记录 ID、字段、ID、JSON 和 UTC 时间</translation>
    </message>
    <message>
        <source>Show raw values</source>
        <translation>显示原始值</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>审计条目</translation>
    </message>
</context>
<context>
    <name>_ledger_findings</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Chain head:</source>
        <translation>链头：</translation>
    </message>
    <message>
        <source>Checked:</source>
        <translation>已核验：</translation>
    </message>
    <message>
        <source>Copy the selected findings, or all shown, as text</source>
        <translation>将所选问题（或显示的全部问题）复制为文本</translation>
    </message>
    <message>
        <source>Database integrity:</source>
        <translation>数据库完整性：</translation>
    </message>
    <message>
        <source>Double-click a finding about an aliquot or an event to show it.</source>
        <translation>双击有关分样或事件的问题即可显示该分样或事件。</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>First bad audit entry:</source>
        <translation>首条出错的审计记录：</translation>
    </message>
    <message>
        <source>First bad event:</source>
        <translation>首个出错的事件：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Ledger verification FAILED</source>
        <translation>保管台账核验未通过</translation>
    </message>
    <message>
        <source>Ledger verified</source>
        <translation>保管台账已核验</translation>
    </message>
    <message>
        <source>Ledger:</source>
        <translation>保管台账：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Save the findings</source>
        <translation>保存问题列表</translation>
    </message>
    <message>
        <source>Save the findings shown as a CSV file</source>
        <translation>将显示的问题保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Search: table, record, aliquot number, #event, words of the finding</source>
        <translation>搜索：表、记录、分样号、#事件、问题描述中的词</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
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
        <source>{first}, {second}</source>
        <translation>{first}，{second}</translation>
    </message>
    <message>
        <source>✔  Verified: nothing found out of place</source>
        <translation>✔  已核验：未发现任何异常</translation>
    </message>
    <message numerus="yes">
        <source>✘  Verification FAILED: %n finding</source>
        <translation>
            <numerusform>✘  核验未通过：%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘  Verification FAILED: %n findings</source>
        <translation>
            <numerusform>✘  核验未通过：%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ledger_view</name>
    <message>
        <source>&amp;Verify ledger…</source>
        <translation>核验保管台账(&amp;V)…</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Custody events</source>
        <translation>保管事件</translation>
    </message>
    <message>
        <source>FAILED: the first bad event is #{event}.</source>
        <translation>未通过：首个出错的事件为 #{event}。</translation>
    </message>
    <message>
        <source>FAILED: {finding}</source>
        <translation>未通过：{finding}</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>保管台账</translation>
    </message>
    <message>
        <source>OK: the ledger of {count} custody events is intact and the database is sound.</source>
        <translation>通过：共 {count} 个保管事件的保管台账完整，数据库完好。</translation>
    </message>
    <message>
        <source>Recompute the hash chain and every aliquot&apos;s mass balance, and check the database</source>
        <translation>重新计算哈希链和每个分样的质量平衡，并检查数据库</translation>
    </message>
    <message>
        <source>Recomputing the hash chain and replaying every aliquot</source>
        <translation>正在重新计算哈希链并逐一重演每个分样</translation>
    </message>
    <message>
        <source>Replay every custody event and check the whole database file, not only what changed since the last verify (slower; before an audit)</source>
        <translation>重放每一条保管事件并检查整个数据库文件，而不只是上次核验以来的变化（较慢；审计前使用）</translation>
    </message>
    <message>
        <source>Search: aliquot number (or its start), #event, transfer number, person</source>
        <translation>搜索：分样号（或其开头）、#事件、转运号、人员</translation>
    </message>
    <message>
        <source>Verification was cancelled.</source>
        <translation>核验已取消。</translation>
    </message>
    <message>
        <source>Verify &amp;everything (full)…</source>
        <translation>全面核验(&amp;E)…</translation>
    </message>
    <message>
        <source>Verify ledger</source>
        <translation>核验保管台账</translation>
    </message>
    <message>
        <source>Verify ledger…</source>
        <translation>核验保管台账…</translation>
    </message>
    <message>
        <source>events</source>
        <translation>保管事件</translation>
    </message>
    <message>
        <source>events</source>
        <comment>progress unit</comment>
        <translation>个事件</translation>
    </message>
</context>
</TS>
