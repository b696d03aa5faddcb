#include "ResourceListModel.h"

#include "document/WorkspaceDocument.h"

#include <QScopedValueRollback>

namespace AuthStudio {

ResourceListModel::ResourceListModel(WorkspaceDocument *document, QObject *parent)
    : RowDragListModel(mimeType(), parent)
    , m_document(document)
    , m_names(currentNames())
{
    connect(m_document, &WorkspaceDocument::changed, this, &ResourceListModel::onDocumentChanged);
}

int ResourceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

QVariant ResourceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return m_names.at(index.row());
    case Qt::ToolTipRole: {
        const Resource &resource = m_document->resource(index.row());
        const QString auth =
            resource.authMethod == Resource::AuthMethod::Custom ? tr("custom auth") : tr("no auth");
        return tr("%1\nREST API, %2\n%3")
            .arg(resource.name, auth, resource.baseUrl.isEmpty() ? tr("(no base URL)") : resource.baseUrl);
    }
    default:
        return {};
    }
}

Qt::ItemFlags ResourceListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // dropping between rows or past the last one
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
}

bool ResourceListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || m_syncing ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().trimmed();
    const QString current = m_document->resource(index.row()).name;
    if (name.isEmpty()) {
        Q_EMIT renameRefused(tr("A resource needs a name: \u201C%1\u201D keeps its name.").arg(current));
        return false;
    }
    const Resource *existing = m_document->workspace().findResource(name);
    if (existing && existing != &m_document->resource(index.row())) {
        Q_EMIT renameRefused(tr("Another resource is named \u201C%1\u201D: \u201C%2\u201D keeps its name.")
                                 .arg(name, current));
        return false;
    }
    Resource renamed = m_document->resource(index.row());
    renamed.name = name;
    m_document->setResource(index.row(), renamed, tr("Rename resource"));
    return true;
}

QString ResourceListModel::dragSource() const
{
    return documentKey(m_document);
}

bool ResourceListModel::moveRowTo(int from, int to)
{
    if (m_syncing)
        return false;
    // The document announces the move, and onDocumentChanged moves the row.
    m_document->moveResource(from, to);
    return true;
}

QStringList ResourceListModel::currentNames() const
{
    return m_document->workspace().resourceNames();
}

void ResourceListModel::onDocumentChanged(const DocumentChange &change)
{
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    using Kind = DocumentChange::Kind;
    switch (change.kind) {
    case Kind::Reset:
        beginResetModel();
        m_names = currentNames();
        endResetModel();
        break;
    case Kind::ResourceAdded:
        beginInsertRows({}, change.resource, change.resource);
        m_names.insert(change.resource, m_document->resource(change.resource).name);
        endInsertRows();
        break;
    case Kind::ResourceRemoved:
        beginRemoveRows({}, change.resource, change.resource);
        m_names.removeAt(change.resource);
        endRemoveRows();
        break;
    case Kind::ResourceMoved:
        mirrorMove(m_names, change.resource, change.to);
        break;
    case Kind::ResourceChanged:
        m_names[change.resource] = m_document->resource(change.resource).name;
        Q_EMIT dataChanged(index(change.resource), index(change.resource));
        break;
    default:
        break; // steps and variables don't show here
    }
}

} // namespace AuthStudio
