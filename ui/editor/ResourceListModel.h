// ResourceListModel: the workspace's resources for the resource list. The name is editable in place;
// a rename is one undoable step. Resources reorder by drag and drop (mime data + moveRows) and through
// moveRows(); each move is one undoable MoveResourceCommand. Views filter it through a
// QSortFilterProxyModel, which maps drops on the filtered list to rows of this model.
#pragma once

#include <QAbstractListModel>
#include <QStringList>

namespace AuthStudio {

class WorkspaceDocument;
struct DocumentChange;

class ResourceListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit ResourceListModel(WorkspaceDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Renames; an empty name or one another resource has is refused.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    // One row at a time; destinationChild counts rows before the move, as in beginMoveRows.
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    static QString mimeType() { return QStringLiteral("application/x-authstudio-resource-row"); }

private:
    // The row a drop at (row, parent) lands before: on an item means before it, past the end appends.
    int dropRow(int row, const QModelIndex &parent) const;
    // The dragged row, or -1 when the data doesn't come from this document's list.
    int sourceRowOf(const QMimeData *data) const;
    QString documentKey() const;

    void onDocumentChanged(const DocumentChange &change);
    QStringList currentNames() const;

    WorkspaceDocument *m_document;
    // True while reporting a document change: an editor the view commits then must not edit.
    bool m_syncing = false;
    QStringList m_names; // what the views were last told
};

} // namespace AuthStudio
