// RowDragListModel: a flat list whose rows the user reorders by drag and drop or moveRows(), one row at
// a time. A drag carries which list it comes from (dragSource(): the document and, for steps, the resource
// and workflow) and the row; a drop is accepted only from the same list. Every move ends in moveRowTo(),
// which subclasses implement as one undoable command; the document's announcement of it is mirrored into
// the subclass's rows with mirrorMove().
#pragma once

#include <QAbstractListModel>

namespace AuthStudio {

class RowDragListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    RowDragListModel(const QString &mimeType, QObject *parent = nullptr);

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

protected:
    // Identifies this list among every list a drag could come from, other windows' included.
    virtual QString dragSource() const = 0;
    // Text that names a document, for dragSource().
    static QString documentKey(const QObject *document);
    // Asks the document to move row `from` to index `to` (the final index); false when it can't now.
    virtual bool moveRowTo(int from, int to) = 0;
    // Moves `rows[from]` to index `to` with the view notifications, as the document announced it.
    template<typename T> void mirrorMove(QList<T> &rows, int from, int to)
    {
        // beginMoveRows wants the row before which the item lands, counted before the move.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        rows.move(from, to);
        endMoveRows();
    }

private:
    // The row a drop at (row, parent) lands before: on an item means before it, past the end appends.
    int dropRow(int row, const QModelIndex &parent) const;
    // The dragged row, or -1 when the data doesn't come from this list.
    int sourceRowOf(const QMimeData *data) const;

    QString m_mimeType;
};

} // namespace AuthStudio
