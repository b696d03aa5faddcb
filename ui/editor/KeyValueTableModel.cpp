#include "KeyValueTableModel.h"

#include "ProblemFlagDelegate.h"
#include "document/WorkspaceDocument.h"
#include "format/WorkspaceValidator.h"
#include "script/JavaScriptIdentifier.h"
#include "widgets/StudioColors.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace AuthStudio {

KeyValueTableModel::KeyValueTableModel(WorkspaceDocument *document, QObject *parent)
    : SnapshotTableModel<KeyValue>(parent)
    , m_document(document)
{
    connect(m_document, &WorkspaceDocument::changed, this, &KeyValueTableModel::onDocumentChanged);
}

void KeyValueTableModel::setTable(const KeyValueRef &ref)
{
    m_ref = ref;
    m_bound = true;
    m_boundSerial = m_document->changeSerial();
    resetRows(m_document->keyValues(m_ref));
}

bool KeyValueTableModel::hasTable() const
{
    return m_bound && m_document->hasKeyValueTable(m_ref);
}

int KeyValueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KeyValue &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // An empty value the built-in demo API replaces shows what is used, dimmed (QA pass 45: a DEMO_API
        // added in a new workspace showed a blank cell while runs went to the demo API).
        if (index.column() == ValueColumn && row.value.isEmpty()) {
            if (const std::optional<QString> running = overrideOf(row))
                return *running;
        }
        return index.column() == NameColumn ? row.name : row.value;
    case Qt::EditRole:
        return index.column() == NameColumn ? row.name : row.value;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return row.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (const QString problem = cellProblem(index.row(), index.column()); !problem.isEmpty())
            return problem;
        // A workspace variable isn't sent anywhere: unchecked, expressions can't read it (QA pass 40).
        if (index.column() == NameColumn && m_ref.table == KeyValueRef::Table::WorkspaceVariables)
            return tr("Uncheck to keep this variable in the file without expressions reading it");
        if (index.column() == NameColumn)
            return tr("Uncheck to keep this %1 without sending it").arg(rowNoun());
        if (const QString secret = secretWarning(row); !secret.isEmpty())
            return secret;
        if (const std::optional<QString> running = overrideOf(row))
            return tr("While the built-in demo API runs, {{ %1 }} is %2. The file keeps this value, which "
                      "suits authstudio-cli demo-server.")
                .arg(row.name, *running);
        return tr("The value may use {{ expressions }}, e.g. {{ TOKEN }}");
    case ProblemFlagDelegate::ProblemRole:
        return cellProblem(index.row(), index.column());
    case Qt::BackgroundRole:
        if (!cellProblem(index.row(), index.column()).isEmpty()) {
            QColor tint = StudioColors::error();
            tint.setAlpha(60); // readable in light and dark palettes
            return tint;
        }
        if (index.column() == ValueColumn && !secretWarning(row).isEmpty()) {
            QColor tint = StudioColors::warning();
            tint.setAlpha(60);
            return tint;
        }
        return {};
    case Qt::ForegroundRole:
        // Dimmed: the value in use is another one, as the tooltip says. (Not italic: an italic face is a
        // font of its own to find and load, about a millisecond of the studio's first frame.)
        if (index.column() == ValueColumn && overrideOf(row))
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    default:
        return {};
    }
}

QString KeyValueTableModel::secretWarning(const KeyValue &row) const
{
    const bool headers =
        m_ref.table == KeyValueRef::Table::ResourceHeaders || m_ref.table == KeyValueRef::Table::StepHeaders;
    // An api_key parameter or a password form field is written into the file as a header is, and
    // validate says so (QA pass 47).
    if (headers || m_ref.table == KeyValueRef::Table::ResourceUrlParameters ||
        m_ref.table == KeyValueRef::Table::StepQueryParameters ||
        m_ref.table == KeyValueRef::Table::StepBodyFields) {
        const QString why = headers ? WorkspaceValidator::secretLookingHeader(row)
                                    : WorkspaceValidator::secretLookingVariable(row);
        if (why.isEmpty())
            return {};
        return tr("This value is saved in the workspace file as written (%1): a token or key here goes "
                  "wherever the file goes. Keep it out of the file: a Form field the user fills in, or a "
                  "secret Define variable step, read here as {{ NAME }}.")
            .arg(why);
    }
    if (m_ref.table != KeyValueRef::Table::WorkspaceVariables)
        return {};
    const QString why = WorkspaceValidator::secretLookingVariable(row);
    if (why.isEmpty())
        return {};
    // QA pass 38: a password kept here got no word, though the docs say never to.
    return tr("%1 looks like a secret (%2). Workspace variables are saved in the file as written and shown "
              "unmasked: compute secrets in the auth workflow instead, from a Form field into a secret "
              "Define variable step.")
        .arg(row.name, why);
}

std::optional<QString> KeyValueTableModel::overrideOf(const KeyValue &row) const
{
    if (m_ref.table != KeyValueRef::Table::WorkspaceVariables || !row.enabled)
        return std::nullopt;
    const QHash<QString, QString> overrides = m_document->variableOverrides();
    const auto it = overrides.constFind(row.name);
    if (it == overrides.constEnd() || it.value() == row.value)
        return std::nullopt;
    return it.value();
}

QString KeyValueTableModel::cellProblem(int row, int column) const
{
    const KeyValue &value = m_rows.at(row);
    if (m_ref.table != KeyValueRef::Table::WorkspaceVariables) {
        if (column == NameColumn && !WorkspaceValidator::keyValueProblem(value).isEmpty())
            return tr("This %1 has a value but no name: name it, or uncheck it. Save refuses it as it is.")
                .arg(rowNoun());
        if (m_ref.table != KeyValueRef::Table::ResourceHeaders &&
            m_ref.table != KeyValueRef::Table::StepHeaders)
            return {};
        // Each cell says its own: a name and a value both wrong are both marked (QA pass 24).
        const QString problem = column == NameColumn ? WorkspaceValidator::headerNameProblem(value)
                                                     : WorkspaceValidator::headerValueProblem(value);
        // A pasted line break shows as nothing in a one-line cell: the tooltip says it is there.
        return problem.isEmpty()
            ? QString()
            : tr("This header can't be sent: %1. Save refuses it as it is.").arg(problem);
    }
    if (column != NameColumn)
        return {};
    // Every variable is saved, checked or not, blank or not: Save refuses a row with no usable name.
    if (value.name.isEmpty())
        return tr("This variable has no name: name it, or remove the row. Save refuses it as it is.");
    if (JavaScriptIdentifier::isReservedWord(value.name))
        return tr("\u201C%1\u201D is a JavaScript keyword, which expressions can't name: pick another name. "
                  "Save refuses it as it is.")
            .arg(value.name);
    if (!WorkspaceValidator::variableNameProblem(value).isEmpty())
        return tr("\u201C%1\u201D is not a valid variable name: use letters, digits, _ and $, not starting "
                  "with a digit. Save refuses it as it is.")
            .arg(value.name);
    if (const QString clash = nameClash(row); !clash.isEmpty())
        return tr("%1 is also the name of %2, and an expression can't tell the two apart (renaming a "
                  "variable to it leaves the expressions as they were). Pick another name; Save refuses "
                  "this one.")
            .arg(value.name, clash);
    return {};
}

QString KeyValueTableModel::nameClash(int row) const
{
    const QString name = m_rows.at(row).name;
    if (m_ref.table != KeyValueRef::Table::WorkspaceVariables || name.isEmpty())
        return {};
    for (int other = 0; other < m_rows.size(); ++other) {
        if (other != row && m_rows.at(other).name == name)
            return tr("another workspace variable");
    }
    for (int resource = 0; resource < m_document->resourceCount(); ++resource) {
        const CustomAuth &auth = m_document->resource(resource).customAuth;
        if (auth.authWorkflow.hasName(name) || auth.refreshWorkflow.hasName(name))
            return tr("a step of \u201C%1\u201D").arg(m_document->resource(resource).name);
    }
    return {};
}

void KeyValueTableModel::nameClashesMayHaveChanged()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn),
                           {Qt::BackgroundRole, Qt::ToolTipRole, ProblemFlagDelegate::ProblemRole});
}

QVariant KeyValueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

Qt::ItemFlags KeyValueTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    if (index.column() == NameColumn)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

bool KeyValueTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !hasTable() || isSyncing())
        return false;
    KeyValueList rows = m_rows;
    KeyValue &row = rows[index.row()];
    QString text;
    if (role == Qt::CheckStateRole && index.column() == NameColumn) {
        row.enabled = value.value<Qt::CheckState>() == Qt::Checked;
        text = row.enabled ? tr("Enable %1").arg(rowNoun()) : tr("Disable %1").arg(rowNoun());
    } else if (role == Qt::EditRole && index.column() == NameColumn) {
        row.name = value.toString().trimmed();
        if (m_ref.table == KeyValueRef::Table::WorkspaceVariables) {
            // Expressions in every resource follow the new name, in the same undo step.
            m_document->renameVariable(index.row(), row.name);
            return true;
        }
        text = tr("Rename %1").arg(rowNoun());
    } else if (role == Qt::EditRole && index.column() == ValueColumn) {
        row.value = value.toString();
        text = tr("Edit %1").arg(rowNoun());
    } else {
        return false;
    }
    write(rows, text);
    return true;
}

bool KeyValueTableModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count <= 0 || !hasTable() || isSyncing())
        return false;
    KeyValueList rows = m_rows;
    for (int i = 0; i < count; ++i)
        rows.insert(row, KeyValue {});
    write(rows, count == 1 ? tr("Add %1").arg(rowNoun()) : tr("Add %1 rows").arg(count));
    return true;
}

bool KeyValueTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount() || !hasTable() || isSyncing())
        return false;
    KeyValueList rows = m_rows;
    rows.remove(row, count);
    write(rows, count == 1 ? tr("Remove %1").arg(rowNoun()) : tr("Remove %1 rows").arg(count));
    return true;
}

bool KeyValueTableModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                  const QModelIndex &destinationParent, int destinationChild)
{
    // destinationChild is where the rows go before they are taken out, as in beginMoveRows.
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
        sourceRow + count > rowCount() || destinationChild < 0 || destinationChild > rowCount() ||
        (destinationChild >= sourceRow && destinationChild <= sourceRow + count) || !hasTable() ||
        isSyncing())
        return false;
    KeyValueList rows = m_rows;
    const KeyValueList moved = rows.mid(sourceRow, count);
    rows.remove(sourceRow, count);
    const int to = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        rows.insert(to + i, moved.at(i));
    write(rows, tr("Move %1").arg(rowNoun()));
    return true;
}

bool KeyValueTableModel::insertKeyValues(int row, const KeyValueList &added)
{
    if (row < 0 || row > rowCount() || added.isEmpty() || !hasTable() || isSyncing())
        return false;
    KeyValueList rows = m_rows;
    for (qsizetype i = 0; i < added.size(); ++i)
        rows.insert(row + i, added.at(i));
    write(rows, added.size() == 1 ? tr("Paste %1").arg(rowNoun()) : tr("Paste %1 rows").arg(added.size()));
    return true;
}

QString KeyValueTableModel::rowNoun() const
{
    switch (m_ref.table) {
    case KeyValueRef::Table::WorkspaceVariables:
        return tr("variable");
    case KeyValueRef::Table::ResourceHeaders:
    case KeyValueRef::Table::StepHeaders:
        return tr("header");
    case KeyValueRef::Table::ResourceUrlParameters:
        return tr("URL parameter");
    case KeyValueRef::Table::StepQueryParameters:
        return tr("query parameter");
    case KeyValueRef::Table::StepBodyFields:
        return tr("form field");
    }
    return {};
}

void KeyValueTableModel::write(const KeyValueList &rows, const QString &text)
{
    // The document announces the change; onDocumentChanged() updates the rows and tells the views.
    m_document->setKeyValues(m_ref, rows, text);
}

void KeyValueTableModel::onDocumentChanged(const DocumentChange &change)
{
    if (!m_bound || change.serial <= m_boundSerial)
        return;
    if (m_ref.table == KeyValueRef::Table::WorkspaceVariables) {
        if (change.kind == DocumentChange::Kind::Reset) {
            resetRows(m_document->keyValues(m_ref));
        } else if (change.kind == DocumentChange::Kind::WorkspaceChanged) {
            syncRows(m_document->keyValues(m_ref));
            nameClashesMayHaveChanged();
        } else {
            nameClashesMayHaveChanged(); // a step renamed, added or removed
        }
        return;
    }
    if (change.kind == DocumentChange::Kind::Reset) {
        m_bound = false;
        resetRows({});
        return;
    }
    // Follow the resource or step through moves; when it's gone, show nothing.
    const StepRef mapped = m_ref.isResourceTable()
        ? StepRef {change.mapResource(m_ref.step.resource), m_ref.step.workflow, -1}
        : change.mapStep(m_ref.step);
    if (mapped.resource < 0) {
        m_bound = false;
        syncRows({});
        return;
    }
    m_ref.step = mapped;
    const bool affected = m_ref.isResourceTable() ? change.affectsResource(m_ref.step.resource)
                                                  : change.affectsStep(m_ref.step);
    if (affected)
        syncRows(m_document->keyValues(m_ref));
}

} // namespace AuthStudio
