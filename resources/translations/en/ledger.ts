<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>_ledger_findings</name>
    <message numerus="yes">
        <source>✘  Verification FAILED: %n finding</source>
        <translation>
            <numerusform>✘  Verification FAILED: %n finding</numerusform>
            <numerusform>✘  Verification FAILED: %n finding</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘  Verification FAILED: %n findings</source>
        <translation>
            <numerusform>✘  Verification FAILED: %n findings</numerusform>
            <numerusform>✘  Verification FAILED: %n findings</numerusform>
        </translation>
    </message>
</context>
</TS>
