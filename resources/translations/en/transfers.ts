<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>_transfers_package</name>
    <message numerus="yes">
        <source>%n aliquot(s), {mass}</source>
        <translation>
            <numerusform>%n aliquot, {mass}</numerusform>
            <numerusform>%n aliquots, {mass}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_transfers_view</name>
    <message numerus="yes">
        <source>{number} is received and in your custody. %n discrepancy(ies) recorded for the lender&apos;s curators to resolve:</source>
        <translation>
            <numerusform>{number} is received and in your custody. %n discrepancy recorded for the lender&apos;s curators to resolve:</numerusform>
            <numerusform>{number} is received and in your custody. %n discrepancies recorded for the lender&apos;s curators to resolve:</numerusform>
        </translation>
    </message>
</context>
</TS>
