<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>_samples_detail</name>
    <message numerus="yes">
        <source>Chain of custody ({count} event(s))</source>
        <translation>
            <numerusform>Chain of custody ({count} event)</numerusform>
            <numerusform>Chain of custody ({count} events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} aliquot(s); expand it in the tree to see them.</source>
        <translation>
            <numerusform>{count} aliquot; expand it in the tree to see them.</numerusform>
            <numerusform>{count} aliquots; expand it in the tree to see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{numbers} and %n more</source>
        <translation>
            <numerusform>{numbers} and %n more</numerusform>
            <numerusform>{numbers} and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_samples_io</name>
    <message numerus="yes">
        <source>{count} aliquot(s)</source>
        <translation>
            <numerusform>{count} aliquot</numerusform>
            <numerusform>{count} aliquots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} aliquot(s) written to {file} ({format}).</source>
        <translation>
            <numerusform>{count} aliquot written to {file} ({format}).</numerusform>
            <numerusform>{count} aliquots written to {file} ({format}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} sample(s)</source>
        <translation>
            <numerusform>{count} sample</numerusform>
            <numerusform>{count} samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_samples_lineage</name>
    <message numerus="yes">
        <source>{count} aliquot(s)</source>
        <translation>
            <numerusform>{count} aliquot</numerusform>
            <numerusform>{count} aliquots</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_samples_pictures</name>
    <message numerus="yes">
        <source>%n more part(s)</source>
        <translation>
            <numerusform>%n more part</numerusform>
            <numerusform>%n more parts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_samples_view</name>
    <message numerus="yes">
        <source>%n aliquot(s): {numbers}, with their history and the aliquots split off them</source>
        <translation>
            <numerusform>%n aliquot: {numbers}, with their history and the aliquots split off them</numerusform>
            <numerusform>%n aliquots: {numbers}, with their history and the aliquots split off them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} sample(s)</source>
        <translation>
            <numerusform>{count} sample</numerusform>
            <numerusform>{count} samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{numbers} and %n more</source>
        <translation>
            <numerusform>{numbers} and %n more</numerusform>
            <numerusform>{numbers} and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
