#include "StepListModel.h"

#include "document/WorkspaceDocument.h"

#include "format/WorkspaceValidator.h"
#include "script/JavaScriptIdentifier.h"
#include <QGuiApplication>
#include <QPalette>
#include <QScopedValueRollback>

namespace AuthStudio {

StepListModel::StepListModel(WorkspaceDocument *document, QObject *parent)
    : RowDragListModel(mimeType(), parent)
    , m_document(document)
{
    connect(m_document, &WorkspaceDocument::changed, this, &StepListModel::onDocumentChanged);
}

void StepListModel::setWorkflow(int resource, WorkflowKind workflow)
{
    m_boundSerial = m_document->changeSerial();
    beginResetModel();
    m_resource = resource >= 0 && resource < m_document->resourceCount() ? resource : -1;
    m_workflow = workflow;
    m_steps = currentSteps();
    endResetModel();
}

QList<Step> StepListModel::currentSteps() const
{
    if (m_resource < 0)
        return {};
    return m_document->workflow(m_resource, m_workflow).steps;
}

int StepListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

QVariant StepListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Step &step = m_steps.at(index.row());
    const StepType type = stepType(step);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 \u2014 %2").arg(stepName(step), stepTypeLabel(type));
    case Qt::EditRole:
    case StepNameRole:
        return stepName(step);
    case Qt::CheckStateRole:
        return stepEnabled(step) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return stepEnabled(step)
            ? tr("%1 step \"%2\"").arg(stepTypeLabel(type), stepName(step))
            : tr("%1 step \"%2\" (disabled: runs skip it)").arg(stepTypeLabel(type), stepName(step));
    case Qt::ForegroundRole:
        // Greyed as disabled text is, in the light and dark palettes alike: runs skip the step.
        if (!stepEnabled(step))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case StepTypeRole:
        return int(type);
    case TypeLabelRole:
        return stepTypeLabel(type);
    default:
        return {};
    }
}

QHash<int, QByteArray> StepListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StepTypeRole, "stepType");
    names.insert(TypeLabelRole, "typeLabel");
    names.insert(StepNameRole, "stepName");
    return names;
}

Qt::ItemFlags StepListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_resource >= 0 ? Qt::ItemIsDropEnabled : Qt::NoItemFlags; // drops land between rows
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsUserCheckable |
        Qt::ItemIsDragEnabled;
}

bool StepListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (m_syncing || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const StepRef ref = stepRef(index.row());
    if (role == Qt::CheckStateRole) {
        m_document->setStepEnabled(ref, value.value<Qt::CheckState>() == Qt::Checked);
        return true;
    }
    if (role == Qt::EditRole) {
        // Names are how later steps refer to this one: refuse what expressions couldn't name.
        const QString name = value.toString().trimmed();
        const Workflow &workflow = m_document->workflow(m_resource, m_workflow);
        if (!WorkspaceValidator::isIdentifier(name) || JavaScriptIdentifier::isReservedWord(name))
            return false;
        if (name != stepName(workflow.steps.at(index.row())) && workflow.hasName(name))
            return false;
        m_document->renameStep(ref, name);
        return true;
    }
    return false;
}

QString StepListModel::dragSource() const
{
    // The resource and workflow too: a drop on another workflow's list is refused.
    return QStringLiteral("%1/%2/%3").arg(documentKey(m_document)).arg(m_resource).arg(int(m_workflow));
}

bool StepListModel::moveRowTo(int from, int to)
{
    if (m_syncing || m_resource < 0)
        return false;
    m_document->moveStep(stepRef(from), to);
    return true;
}

void StepListModel::onDocumentChanged(const DocumentChange &change)
{
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    using Kind = DocumentChange::Kind;
    if (m_resource < 0 || change.serial <= m_boundSerial)
        return;
    if (change.kind == Kind::Reset) {
        beginResetModel();
        m_resource = -1;
        m_steps.clear();
        endResetModel();
        return;
    }
    const int mapped = change.mapResource(m_resource);
    if (mapped < 0) {
        beginResetModel();
        m_resource = -1;
        m_steps.clear();
        endResetModel();
        return;
    }
    m_resource = mapped;
    if (!change.affectsWorkflow(m_resource, m_workflow))
        return;
    switch (change.kind) {
    case Kind::StepAdded:
        beginInsertRows({}, change.step, change.step);
        m_steps.insert(change.step, m_document->step(change.stepRef()));
        endInsertRows();
        break;
    case Kind::StepRemoved:
        beginRemoveRows({}, change.step, change.step);
        m_steps.removeAt(change.step);
        endRemoveRows();
        break;
    case Kind::StepMoved:
        mirrorMove(m_steps, change.step, change.to);
        break;
    case Kind::StepChanged:
        m_steps[change.step] = m_document->step(change.stepRef());
        Q_EMIT dataChanged(index(change.step), index(change.step));
        break;
    case Kind::ResourceChanged: {
        const QList<Step> steps = currentSteps();
        if (steps == m_steps)
            break;
        if (steps.size() != m_steps.size()) {
            beginResetModel();
            m_steps = steps;
            endResetModel();
        } else {
            m_steps = steps;
            Q_EMIT dataChanged(index(0), index(int(m_steps.size()) - 1));
        }
        break;
    }
    default:
        break;
    }
}

} // namespace AuthStudio
