// ResourceListModel: the workspace's resources for the resource list. The name is editable in place;
// a rename is one undoable step. Resources reorder by drag and drop (mime data + moveRows) and through
// moveRows(); each move is one undoable MoveResourceCommand. Views filter it through a
// QSortFilterProxyModel, which maps drops on the filtered list to rows of this model.
#pragma once

#include "RowDragListModel.h"

#include <QStringList>

namespace AuthStudio {

class WorkspaceDocument;
struct DocumentChange;

class ResourceListModel : public RowDragListModel
{
    Q_OBJECT
public:
    explicit ResourceListModel(WorkspaceDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Renames; an empty name or one another resource has is refused, and renameRefused() says why.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static QString mimeType() { return QStringLiteral("application/x-authstudio-resource-row"); }

Q_SIGNALS:
    // The list's editor closes either way; without a word a refused rename looked like a lost edit.
    void renameRefused(const QString &reason);

protected:
    QString dragSource() const override;
    bool moveRowTo(int from, int to) override;

private:
    void onDocumentChanged(const DocumentChange &change);
    QStringList currentNames() const;

    WorkspaceDocument *m_document;
    // True while reporting a document change: an editor the view commits then must not edit.
    bool m_syncing = false;
    QStringList m_names; // what the views were last told
};

} // namespace AuthStudio
