<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>_domain_errors</name>
    <message>
        <source>... and {count} more</source>
        <translation>…… 另有 {count} 行</translation>
    </message>
    <message>
        <source>Import refused, nothing was stored: {count} row has problems.</source>
        <translation>导入被拒绝，未保存任何内容：{count} 行有问题。</translation>
    </message>
    <message>
        <source>Import refused, nothing was stored: {count} rows have problems.</source>
        <translation>导入被拒绝，未保存任何内容：{count} 行有问题。</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
</context>
<context>
    <name>_domain_importer</name>
    <message>
        <source>&apos;{path}&apos; cannot be read: {reason}.</source>
        <translation>无法读取“{path}”：{reason}。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>导入已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Samples are imported by the lending curation facility.</source>
        <translation>样品由出借方的样品管理机构导入。</translation>
    </message>
    <message>
        <source>There is no file &apos;{path}&apos;.</source>
        <translation>文件“{path}”不存在。</translation>
    </message>
    <message>
        <source>aliquot (the aliquot number) is empty</source>
        <translation>aliquot（分样编号）为空</translation>
    </message>
    <message>
        <source>aliquot {aliquot} does not belong to sample {sample}</source>
        <translation>分样 {aliquot} 不属于样品 {sample}</translation>
    </message>
    <message>
        <source>aliquot {number} appears already on line {line}</source>
        <translation>分样 {number} 已在第 {line} 行出现过</translation>
    </message>
    <message>
        <source>generic &apos;{number}&apos; is not a NASA generic number such as 70017</source>
        <translation>generic“{number}”不是 70017 这样的 NASA generic 编号</translation>
    </message>
    <message>
        <source>generic (the sample number) is empty</source>
        <translation>generic（样品编号）为空</translation>
    </message>
    <message>
        <source>mass is empty</source>
        <translation>mass（质量）为空</translation>
    </message>
    <message>
        <source>sample {number} appears already on line {line}</source>
        <translation>样品 {number} 已在第 {line} 行出现过</translation>
    </message>
    <message>
        <source>sample {number} is registered already</source>
        <translation>样品 {number} 已登记</translation>
    </message>
    <message>
        <source>the column {columns} appears twice</source>
        <translation>列 {columns} 出现了两次</translation>
    </message>
    <message>
        <source>the columns {columns} appear twice</source>
        <translation>列 {columns} 各出现了两次</translation>
    </message>
    <message>
        <source>the file is empty; the first line must name the columns</source>
        <translation>文件为空；第一行必须写明各列的名称</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as CSV UTF-8 and try again</source>
        <translation>文件不是 UTF-8 文本；请另存为 CSV UTF-8 后重试</translation>
    </message>
    <message>
        <source>the header is not one we can read: NASA&apos;s curation layout needs the column {columns} (found: {found})</source>
        <translation>无法识别表头：NASA 样品管理目录格式需要列 {columns}（现有：{found}）</translation>
    </message>
    <message>
        <source>the header is not one we can read: NASA&apos;s curation layout needs the columns {columns} (found: {found})</source>
        <translation>无法识别表头：NASA 样品管理目录格式需要以下各列：{columns}（现有：{found}）</translation>
    </message>
    <message>
        <source>the header is not one we can read: the sample/aliquot layout needs the column {columns} (found: {found})</source>
        <translation>无法识别表头：样品/分样格式需要列 {columns}（现有：{found}）</translation>
    </message>
    <message>
        <source>the header is not one we can read: the sample/aliquot layout needs the columns {columns} (found: {found})</source>
        <translation>无法识别表头：样品/分样格式需要以下各列：{columns}（现有：{found}）</translation>
    </message>
    <message>
        <source>the row has {fields} fields but the header has {columns}</source>
        <translation>该行有 {fields} 个字段，但表头有 {columns} 个</translation>
    </message>
    <message>
        <source>the row is not valid CSV ({error})</source>
        <translation>该行不是有效的 CSV（{error}）</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is more precise than one microgram</source>
        <translation>{column}“{raw}”精确到了微克以下</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is more than {most}: not plausible</source>
        <translation>{column}“{raw}”超过 {most}：不合理</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is not a mass</source>
        <translation>{column}“{raw}”不是有效的质量</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is not a mass: it is negative</source>
        <translation>{column}“{raw}”不是有效的质量：它是负数</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; is zero; an aliquot must hold some material</source>
        <translation>{column}“{raw}”为零；分样必须含有样品物质</translation>
    </message>
    <message>
        <source>{column} &apos;{raw}&apos; rounds to 0 µg</source>
        <translation>{column}“{raw}”舍入后为 0 µg</translation>
    </message>
    <message>
        <source>{column} &apos;{value}&apos; of sample {sample} differs from &apos;{known}&apos; on line {line}</source>
        <translation>样品 {sample} 的 {column}“{value}”与第 {line} 行的“{known}”不同</translation>
    </message>
</context>
<context>
    <name>_domain_rules</name>
    <message>
        <source>Aliquot {aliquot} is already on another open loan.</source>
        <translation>分样 {aliquot} 已在另一项未结束的借样中。</translation>
    </message>
    <message>
        <source>Aliquot {aliquot} is already on open loan {loan}.</source>
        <translation>分样 {aliquot} 已在未结束的借样 {loan} 中。</translation>
    </message>
    <message>
        <source>Only the lender&apos;s curators may correct the ledger.</source>
        <translation>只有出借方的样品管理员可以更正保管台账。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_backup</name>
    <message>
        <source>Cannot write the copy of {database} to {dest}: {reason}.</source>
        <translation>无法将 {database} 的副本写入 {dest}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write the dump of {database} to {dest}: {reason}.</source>
        <translation>无法将 {database} 的转储文件写入 {dest}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write the export of {database} to {dest}: {reason}.</source>
        <translation>无法将 {database} 的导出文件写入 {dest}：{reason}。</translation>
    </message>
    <message>
        <source>Copying {database} to {dest} failed: {error}.</source>
        <translation>将 {database} 复制到 {dest} 失败：{error}。</translation>
    </message>
    <message>
        <source>The backup was cancelled.</source>
        <translation>备份已取消。</translation>
    </message>
    <message>
        <source>Will not overwrite {dest}: a file of that name exists already.</source>
        <translation>不会覆盖 {dest}：同名文件已存在。</translation>
    </message>
    <message>
        <source>pg_dump could not copy {database}, so nothing was changed: exit status {status}</source>
        <translation>pg_dump 无法复制 {database}，因此未做任何更改：退出状态 {status}</translation>
    </message>
    <message>
        <source>pg_dump could not copy {database}, so nothing was changed: {reason}</source>
        <translation>pg_dump 无法复制 {database}，因此未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>pg_dump did not finish copying {database}, so nothing was changed.</source>
        <translation>pg_dump 未能完成复制 {database}，因此未做任何更改。</translation>
    </message>
    <message>
        <source>{database} is not a SQLite database; it cannot be copied as a file.</source>
        <translation>{database} 不是 SQLite 数据库；无法作为文件复制。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_database</name>
    <message>
        <source>Cannot connect to the PostgreSQL database {database}: check that the server is running and that the host and port are right.</source>
        <translation>无法连接 PostgreSQL 数据库 {database}：请检查服务器是否正在运行，以及主机和端口是否正确。</translation>
    </message>
    <message>
        <source>Lunar Custody keeps its records in a SQLite file or a PostgreSQL database; &apos;{driver}&apos; ({name}) is not supported.</source>
        <translation>Lunar Custody 的记录保存在 SQLite 文件或 PostgreSQL 数据库中；不支持“{driver}”（{name}）。</translation>
    </message>
    <message>
        <source>That is not a database URL; a PostgreSQL one looks like postgresql+psycopg://user@host:5432/database.</source>
        <translation>这不是数据库 URL；PostgreSQL 数据库的 URL 形如 postgresql+psycopg://user@host:5432/database。</translation>
    </message>
    <message>
        <source>The PostgreSQL database {database} does not exist.</source>
        <translation>PostgreSQL 数据库 {database} 不存在。</translation>
    </message>
    <message>
        <source>The PostgreSQL database {database} does not let this user make that change.</source>
        <translation>PostgreSQL 数据库 {database} 不允许该用户进行此项更改。</translation>
    </message>
    <message>
        <source>The PostgreSQL server refused the login to {database}: check the user name and password.</source>
        <translation>PostgreSQL 服务器拒绝登录 {database}：请检查用户名和密码。</translation>
    </message>
    <message>
        <source>The connection to the PostgreSQL database {database} was lost; try again.</source>
        <translation>与 PostgreSQL 数据库 {database} 的连接已断开；请重试。</translation>
    </message>
    <message>
        <source>The database {database} is busy with another user&apos;s change; try again in a moment.</source>
        <translation>数据库 {database} 正在处理其他用户的更改；请稍后重试。</translation>
    </message>
    <message>
        <source>The database {database} is locked by another program; try again in a moment.</source>
        <translation>数据库 {database} 被另一个程序锁定；请稍后重试。</translation>
    </message>
    <message>
        <source>The database {where} cannot be opened: check that you may read and write the file and its folder.</source>
        <translation>无法打开数据库 {where}：请检查您是否有权读写该文件及其所在文件夹。</translation>
    </message>
    <message>
        <source>The database {where} cannot be written: check that you may write the file and its folder.</source>
        <translation>无法写入数据库 {where}：请检查您是否有权写入该文件及其所在文件夹。</translation>
    </message>
    <message>
        <source>The database {where} could not be read or written (a disk or network drive error).</source>
        <translation>无法读写数据库 {where}（磁盘或网络驱动器出错）。</translation>
    </message>
    <message>
        <source>The disk holding the database {where} is full.</source>
        <translation>存放数据库 {where} 的磁盘已满。</translation>
    </message>
    <message>
        <source>The file {where} is not a Lunar Custody database, or it is damaged.</source>
        <translation>文件 {where} 不是 Lunar Custody 数据库，或已损坏。</translation>
    </message>
    <message>
        <source>The folder of the database {where} does not exist.</source>
        <translation>数据库 {where} 所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>The text contains a NUL character (\x00), which cannot be stored or looked up; remove it.</source>
        <translation>文本中含有 NUL 字符（\x00），无法保存或查找；请删除该字符。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_engine</name>
    <message>
        <source>An in-memory database cannot hold custody records; give a file.</source>
        <translation>内存数据库不能保存保管记录；请指定一个文件。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} for the database {file}: {reason}.</source>
        <translation>无法为数据库 {file} 创建文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver &apos;{driver}&apos; is not available; use a postgresql+psycopg:// URL.</source>
        <translation>PostgreSQL 驱动程序“{driver}”不可用；请使用 postgresql+psycopg:// URL。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a Lunar Custody database file.</source>
        <translation>{path} 是文件夹，不是 Lunar Custody 数据库文件。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_export_format</name>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>{path} holds a table {table} unknown here.</source>
        <translation>{path} 中有本程序不认识的表 {table}。</translation>
    </message>
    <message>
        <source>{path} is an export of format version {version}; this program reads version {known}.</source>
        <translation>{path} 是格式版本 {version} 的导出文件；本程序读取的是版本 {known}。</translation>
    </message>
    <message>
        <source>{path} is not a Lunar Custody export.</source>
        <translation>{path} 不是 Lunar Custody 导出文件。</translation>
    </message>
    <message>
        <source>{table} changed while it was exported.</source>
        <translation>{table} 在导出过程中发生了变化。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_location</name>
    <message>
        <source>The database {path} is read-only: you may read it but not record anything. Ask for write permission on the file, or open a copy of it.</source>
        <translation>数据库 {path} 为只读：可以查看，但不能记录任何内容。请申请该文件的写入权限，或打开它的副本。</translation>
    </message>
    <message>
        <source>There is no database at {path}: the folder {folder} does not exist. Check the path, and that its network drive is connected.</source>
        <translation>{path} 处没有数据库：文件夹 {folder} 不存在。请检查路径，以及其所在的网络驱动器是否已连接。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_migrate</name>
    <message>
        <source>This database was written by a newer version of Lunar Custody (schema {revisions}); this version understands up to {head}. Install the newer version.</source>
        <translation>此数据库由更新版本的 Lunar Custody 写入（结构版本 {revisions}）；本版本最高只能识别 {head}。请安装更新的版本。</translation>
    </message>
    <message>
        <source>Upgrading {database} would break references between records in {tables}; nothing was changed.</source>
        <translation>升级 {database} 会破坏 {tables} 中记录之间的引用；未做任何更改。</translation>
    </message>
    <message>
        <source>{database} holds tables of another program; it is not a Lunar Custody database.</source>
        <translation>{database} 中有其他程序的表；它不是 Lunar Custody 数据库。</translation>
    </message>
</context>
<context>
    <name>_domain_storage_restore</name>
    <message>
        <source>Cannot copy {source} to {target}: {error}.</source>
        <translation>无法将 {source} 复制到 {target}：{error}。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Restored {database} from a Lunar Custody export.</source>
        <translation>已从 Lunar Custody 导出文件恢复 {database}。</translation>
    </message>
    <message>
        <source>Restored {database} from a SQLite copy.</source>
        <translation>已从 SQLite 副本恢复 {database}。</translation>
    </message>
    <message>
        <source>Restored {database} from a pg_dump file.</source>
        <translation>已从 pg_dump 文件恢复 {database}。</translation>
    </message>
    <message>
        <source>The backup {source} does not verify, so nothing was restored.
{report}</source>
        <translation>备份 {source} 未通过核验，因此未恢复任何内容。
{report}</translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation>恢复已取消。</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>{path} 处没有备份。</translation>
    </message>
    <message>
        <source>What it held before is kept in {path}.</source>
        <translation>其原有内容保存在 {path}。</translation>
    </message>
    <message>
        <source>pg_restore could not restore {source} into {database}, so nothing was changed: exit status {status}</source>
        <translation>pg_restore 无法将 {source} 恢复到 {database}，因此未做任何更改：退出状态 {status}</translation>
    </message>
    <message>
        <source>pg_restore could not restore {source} into {database}, so nothing was changed: {reason}</source>
        <translation>pg_restore 无法将 {source} 恢复到 {database}，因此未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>pg_restore did not finish restoring {source}, so nothing was changed.</source>
        <translation>pg_restore 未能完成恢复 {source}，因此未做任何更改。</translation>
    </message>
    <message>
        <source>{database} already holds custody records; restoring would replace them. Restore into a new database, or confirm the replacement (--replace): a copy of the current records is kept first.</source>
        <translation>{database} 中已有保管记录；恢复会替换这些记录。请恢复到新数据库，或确认替换（--replace）：替换前会先保留现有记录的副本。</translation>
    </message>
    <message>
        <source>{path} is not a Lunar Custody backup (a SQLite copy, a pg_dump file or an export).</source>
        <translation>{path} 不是 Lunar Custody 备份（SQLite 副本、pg_dump 文件或导出文件）。</translation>
    </message>
    <message>
        <source>{source} is a pg_dump file and {program} is not installed: install PostgreSQL&apos;s client programs, or ask the server&apos;s administrator to restore it.</source>
        <translation>{source} 是 pg_dump 文件，但未安装 {program}：请安装 PostgreSQL 客户端程序，或请服务器管理员恢复它。</translation>
    </message>
    <message>
        <source>{source} is a pg_dump file of a PostgreSQL database: restore it into a PostgreSQL database (--db postgresql+psycopg://...), or make an export of it.</source>
        <translation>{source} 是 PostgreSQL 数据库的 pg_dump 文件：请将其恢复到 PostgreSQL 数据库（--db postgresql+psycopg://...），或为它制作导出文件。</translation>
    </message>
    <message>
        <source>{source} was made by a newer version of Lunar Custody (schema {revision}); this version understands up to {head}. Install the newer version.</source>
        <translation>{source} 由更新版本的 Lunar Custody 生成（结构版本 {revision}）；本版本最高只能识别 {head}。请安装更新的版本。</translation>
    </message>
</context>
</TS>
