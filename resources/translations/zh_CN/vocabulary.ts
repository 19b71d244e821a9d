<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_vocabulary</name>
    <message>
        <source>accept as is (no change to the masses)</source>
        <comment>status</comment>
        <translation>按原样接受（质量不变）</translation>
    </message>
    <message>
        <source>accepted custody</source>
        <comment>signature</comment>
        <translation>接受保管</translation>
    </message>
    <message>
        <source>active</source>
        <comment>status</comment>
        <translation>生效中</translation>
    </message>
    <message>
        <source>administrator</source>
        <comment>role</comment>
        <translation>管理员</translation>
    </message>
    <message>
        <source>approved</source>
        <comment>status</comment>
        <translation>已批准</translation>
    </message>
    <message>
        <source>approved (lender)</source>
        <comment>signature</comment>
        <translation>已批准（出借方）</translation>
    </message>
    <message>
        <source>awaiting deliverables</source>
        <comment>status</comment>
        <translation>待交成果</translation>
    </message>
    <message>
        <source>borrower</source>
        <comment>kind</comment>
        <translation>借用方</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>chain-of-custody form</source>
        <comment>document</comment>
        <translation>保管交接单</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>status</comment>
        <translation>已结束</translation>
    </message>
    <message>
        <source>consumed</source>
        <comment>status</comment>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>consumed by analysis</source>
        <comment>event</comment>
        <translation>分析消耗</translation>
    </message>
    <message>
        <source>correct the book mass to the measured mass</source>
        <comment>status</comment>
        <translation>将账面质量更正为实测质量</translation>
    </message>
    <message>
        <source>correction</source>
        <comment>event</comment>
        <translation>更正</translation>
    </message>
    <message>
        <source>countersigned (borrower)</source>
        <comment>signature</comment>
        <translation>已会签（借用方）</translation>
    </message>
    <message>
        <source>courier</source>
        <comment>role</comment>
        <translation>押运员</translation>
    </message>
    <message>
        <source>courier</source>
        <comment>kind</comment>
        <translation>押运机构</translation>
    </message>
    <message>
        <source>curator</source>
        <comment>role</comment>
        <translation>样品管理员</translation>
    </message>
    <message>
        <source>discrepancy resolved</source>
        <comment>signature</comment>
        <translation>差异已处理</translation>
    </message>
    <message>
        <source>draft</source>
        <comment>status</comment>
        <translation>草稿</translation>
    </message>
    <message>
        <source>extension approved</source>
        <comment>signature</comment>
        <translation>延期已批准</translation>
    </message>
    <message>
        <source>found at inventory</source>
        <comment>event</comment>
        <translation>盘点时找到</translation>
    </message>
    <message>
        <source>fully split</source>
        <comment>status</comment>
        <translation>已分完</translation>
    </message>
    <message>
        <source>handed over between couriers</source>
        <comment>event</comment>
        <translation>押运员之间交接</translation>
    </message>
    <message>
        <source>in storage</source>
        <comment>status</comment>
        <translation>在库</translation>
    </message>
    <message>
        <source>in transit</source>
        <comment>status</comment>
        <translation>运输中</translation>
    </message>
    <message>
        <source>internal</source>
        <comment>kind</comment>
        <translation>内部转运</translation>
    </message>
    <message>
        <source>inventory certificate</source>
        <comment>document</comment>
        <translation>盘点证明</translation>
    </message>
    <message>
        <source>inventory certified</source>
        <comment>signature</comment>
        <translation>盘点已证明</translation>
    </message>
    <message>
        <source>lab manager</source>
        <comment>role</comment>
        <translation>实验室主管</translation>
    </message>
    <message>
        <source>labels</source>
        <comment>document</comment>
        <translation>标签</translation>
    </message>
    <message>
        <source>lender</source>
        <comment>kind</comment>
        <translation>出借方</translation>
    </message>
    <message>
        <source>loan agreement</source>
        <comment>document</comment>
        <translation>样品借用协议</translation>
    </message>
    <message>
        <source>loss recorded</source>
        <comment>event</comment>
        <translation>质量损失</translation>
    </message>
    <message>
        <source>lost</source>
        <comment>status</comment>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>manifest</source>
        <comment>document</comment>
        <translation>装箱清单</translation>
    </message>
    <message>
        <source>no</source>
        <comment>answer</comment>
        <translation>否</translation>
    </message>
    <message>
        <source>open</source>
        <comment>status</comment>
        <translation>未处理</translation>
    </message>
    <message>
        <source>outbound</source>
        <comment>kind</comment>
        <translation>出借发运</translation>
    </message>
    <message>
        <source>prepared</source>
        <comment>status</comment>
        <translation>已备妥</translation>
    </message>
    <message>
        <source>received</source>
        <comment>status</comment>
        <translation>已接收</translation>
    </message>
    <message>
        <source>received</source>
        <comment>event</comment>
        <translation>接收</translation>
    </message>
    <message>
        <source>received</source>
        <comment>signature</comment>
        <translation>已接收</translation>
    </message>
    <message>
        <source>reconciled and closed</source>
        <comment>signature</comment>
        <translation>已核对并结束</translation>
    </message>
    <message>
        <source>record the missing mass as lost</source>
        <comment>status</comment>
        <translation>将缺失质量记为损失</translation>
    </message>
    <message>
        <source>registered</source>
        <comment>event</comment>
        <translation>登记</translation>
    </message>
    <message>
        <source>released to courier</source>
        <comment>event</comment>
        <translation>发出给押运员</translation>
    </message>
    <message>
        <source>relinquished custody</source>
        <comment>signature</comment>
        <translation>移交保管</translation>
    </message>
    <message>
        <source>reported lost</source>
        <comment>event</comment>
        <translation>报告丢失</translation>
    </message>
    <message>
        <source>return</source>
        <comment>kind</comment>
        <translation>归还</translation>
    </message>
    <message>
        <source>return accounting form</source>
        <comment>document</comment>
        <translation>归还核算表</translation>
    </message>
    <message>
        <source>returned to lender</source>
        <comment>event</comment>
        <translation>归还出借方</translation>
    </message>
    <message>
        <source>seal broken</source>
        <comment>status</comment>
        <translation>封签破损</translation>
    </message>
    <message>
        <source>split (child made)</source>
        <comment>event</comment>
        <translation>分装（生成子分样）</translation>
    </message>
    <message>
        <source>split off its parent</source>
        <comment>event</comment>
        <translation>派生（从母分样分装）</translation>
    </message>
    <message>
        <source>viewer</source>
        <comment>role</comment>
        <translation>查看者</translation>
    </message>
    <message>
        <source>yes</source>
        <comment>answer</comment>
        <translation>是</translation>
    </message>
</context>
</TS>
