#include "FormFieldTableModel.h"

#include "document/WorkspaceDocument.h"
#include "format/WorkspaceValidator.h"
#include "script/ReferenceRenamer.h"
#include "widgets/StudioColors.h"

namespace AuthStudio {

namespace {

constexpr FormField::Type AllTypes[] = {FormField::Type::Text, FormField::Type::Email,
                                        FormField::Type::Password};

std::optional<FormField::Type> parseType(const QVariant &value)
{
    bool isInt = false;
    const int number = value.toInt(&isInt);
    if (isInt)
        return number >= 0 && number < 3 ? std::optional(FormField::Type(number)) : std::nullopt;
    const QString text = value.toString();
    for (FormField::Type type : AllTypes) {
        if (text.compare(FormFieldTableModel::typeLabel(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

} // namespace

FormFieldTableModel::FormFieldTableModel(WorkspaceDocument *document, QObject *parent)
    : SnapshotTableModel<FormField>(parent)
    , m_document(document)
{
    connect(m_document, &WorkspaceDocument::changed, this, &FormFieldTableModel::onDocumentChanged);
}

QString FormFieldTableModel::typeLabel(FormField::Type type)
{
    switch (type) {
    case FormField::Type::Text:
        return tr("Text");
    case FormField::Type::Email:
        return tr("Email");
    case FormField::Type::Password:
        return tr("Password");
    }
    return {};
}

QStringList FormFieldTableModel::typeLabels()
{
    QStringList labels;
    for (FormField::Type type : AllTypes)
        labels.append(typeLabel(type));
    return labels;
}

void FormFieldTableModel::setStep(const StepRef &ref)
{
    m_ref = ref;
    m_boundSerial = m_document->changeSerial();
    resetRows(currentFields());
}

bool FormFieldTableModel::hasStep() const
{
    return m_document->isValidStep(m_ref) && std::holds_alternative<FormStep>(m_document->step(m_ref));
}

QList<FormField> FormFieldTableModel::currentFields() const
{
    return hasStep() ? std::get<FormStep>(m_document->step(m_ref)).fields : QList<FormField>();
}

int FormFieldTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FormFieldTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FormField &field = m_rows.at(index.row());
    switch (index.column()) {
    case KeyColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return field.key;
        if (role == Qt::ForegroundRole || role == Qt::ToolTipRole) {
            FormStep form;
            form.fields = m_rows;
            const QString problem = WorkspaceValidator::formFieldKeyProblem(form, index.row());
            if (!problem.isEmpty())
                return role == Qt::ForegroundRole ? QVariant(StudioColors::error()) : QVariant(problem);
        }
        if (role == Qt::ToolTipRole)
            return tr("Later steps read this value as {{ %1.%2 }}")
                .arg(m_ref.isNull() ? QString() : stepName(m_document->step(m_ref)), field.key);
        break;
    case LabelColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return field.label;
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole)
            return typeLabel(field.type);
        if (role == Qt::EditRole)
            return int(field.type);
        if (role == Qt::ToolTipRole && field.isSecret())
            return tr("Password values are masked everywhere and never saved");
        break;
    case RequiredColumn:
        if (role == Qt::CheckStateRole)
            return field.required ? Qt::Checked : Qt::Unchecked;
        break;
    default:
        break;
    }
    return {};
}

QVariant FormFieldTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case LabelColumn:
        return tr("Label");
    case TypeColumn:
        return tr("Type");
    case RequiredColumn:
        return tr("Required");
    default:
        return {};
    }
}

Qt::ItemFlags FormFieldTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == RequiredColumn)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool FormFieldTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !hasStep() || isSyncing())
        return false;
    QList<FormField> fields = m_rows;
    FormField &field = fields[index.row()];
    QString text;
    if (index.column() == RequiredColumn && role == Qt::CheckStateRole) {
        field.required = value.value<Qt::CheckState>() == Qt::Checked;
        text = field.required ? tr("Make field required") : tr("Make field optional");
    } else if (role != Qt::EditRole) {
        return false;
    } else if (index.column() == KeyColumn) {
        const QString key = value.toString().trimmed();
        if (key == field.key)
            return true;
        field.key = key;
        text = tr("Edit field key");
        // {{ form1.email }} and the like in the later steps follow the new key, in the same undo step.
        // When none do, the edit stays the step's own, so that Undo shows the form.
        const Resource &before = m_document->resource(m_ref.resource);
        Resource renamed = ReferenceRenamer::renameFormField(before,
                                                             m_ref.workflow == WorkflowKind::Auth
                                                                 ? ReferenceRenamer::WorkflowPart::Auth
                                                                 : ReferenceRenamer::WorkflowPart::Refresh,
                                                             m_ref.step, index.row(), key);
        Resource onlyTheForm = before;
        Workflow &workflow = m_ref.workflow == WorkflowKind::Auth ? onlyTheForm.customAuth.authWorkflow
                                                                  : onlyTheForm.customAuth.refreshWorkflow;
        std::get<FormStep>(workflow.steps[m_ref.step]).fields = fields;
        if (renamed != onlyTheForm) {
            m_document->setResource(m_ref.resource, renamed, text);
            return true;
        }
    } else if (index.column() == LabelColumn) {
        field.label = value.toString();
        text = tr("Edit field label");
    } else if (index.column() == TypeColumn) {
        const std::optional<FormField::Type> type = parseType(value);
        if (!type)
            return false;
        field.type = *type;
        text = tr("Change field type");
    } else {
        return false;
    }
    write(fields, text);
    return true;
}

bool FormFieldTableModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count <= 0 || !hasStep() || isSyncing())
        return false;
    QList<FormField> fields = m_rows;
    for (int i = 0; i < count; ++i) {
        // A unique key, so the new field is valid at once.
        QString key;
        int n = int(fields.size()) + 1;
        for (;; ++n) {
            key = QStringLiteral("field%1").arg(n);
            if (std::none_of(fields.cbegin(), fields.cend(),
                             [&key](const FormField &f) { return f.key == key; }))
                break;
        }
        // Labelled after its key: several new fields read "Field" alike in the form (QA pass 35).
        fields.insert(row + i, FormField {key, tr("Field %1").arg(n), FormField::Type::Text, true});
    }
    write(fields, count == 1 ? tr("Add form field") : tr("Add %1 form fields").arg(count));
    return true;
}

bool FormFieldTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount() || !hasStep() || isSyncing())
        return false;
    QList<FormField> fields = m_rows;
    fields.remove(row, count);
    write(fields, count == 1 ? tr("Remove form field") : tr("Remove %1 form fields").arg(count));
    return true;
}

void FormFieldTableModel::write(const QList<FormField> &fields, const QString &text)
{
    Step changed = m_document->step(m_ref);
    std::get<FormStep>(changed).fields = fields;
    m_document->setStep(m_ref, changed, text);
}

void FormFieldTableModel::onDocumentChanged(const DocumentChange &change)
{
    if (m_ref.isNull() || change.serial <= m_boundSerial)
        return;
    if (change.kind == DocumentChange::Kind::Reset) {
        m_ref = {};
        resetRows({});
        return;
    }
    const StepRef mapped = change.mapStep(m_ref);
    if (mapped.isNull()) {
        m_ref = {};
        syncRows({});
        return;
    }
    m_ref = mapped;
    if (change.affectsStep(m_ref))
        syncRows(currentFields());
}

} // namespace AuthStudio
