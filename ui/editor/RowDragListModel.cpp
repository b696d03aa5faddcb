#include "RowDragListModel.h"

#include <QMimeData>

namespace AuthStudio {

RowDragListModel::RowDragListModel(const QString &mimeType, QObject *parent)
    : QAbstractListModel(parent)
    , m_mimeType(mimeType)
{ }

Qt::DropActions RowDragListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions RowDragListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList RowDragListModel::mimeTypes() const
{
    return {m_mimeType};
}

QString RowDragListModel::documentKey(const QObject *document)
{
    return QString::number(reinterpret_cast<quintptr>(document), 16);
}

QMimeData *RowDragListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.size() != 1 ||
        !checkIndex(indexes.first(), CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return nullptr;
    auto *data = new QMimeData;
    data->setData(m_mimeType,
                  (dragSource() + QLatin1Char('/') + QString::number(indexes.first().row())).toUtf8());
    return data;
}

int RowDragListModel::sourceRowOf(const QMimeData *data) const
{
    if (!data || !data->hasFormat(m_mimeType))
        return -1;
    const QString text = QString::fromUtf8(data->data(m_mimeType));
    const qsizetype slash = text.lastIndexOf(QLatin1Char('/'));
    if (slash < 0 || text.left(slash) != dragSource())
        return -1;
    bool ok = false;
    const int row = text.mid(slash + 1).toInt(&ok);
    return ok && row >= 0 && row < rowCount() ? row : -1;
}

int RowDragListModel::dropRow(int row, const QModelIndex &parent) const
{
    if (parent.isValid())
        return parent.row(); // dropped onto an item: before it
    return row < 0 || row > rowCount() ? rowCount() : row;
}

bool RowDragListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                       const QModelIndex &) const
{
    return action == Qt::MoveAction && sourceRowOf(data) >= 0;
}

bool RowDragListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                    const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    return moveRows({}, sourceRowOf(data), 1, {}, dropRow(row, parent));
}

bool RowDragListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1)
        return false;
    if (sourceRow < 0 || sourceRow >= rowCount() || destinationChild < 0 || destinationChild > rowCount())
        return false;
    // destinationChild counts rows before the move; the document wants the final index.
    const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    if (to == sourceRow)
        return false;
    return moveRowTo(sourceRow, to);
}

} // namespace AuthStudio
