// SnapshotTableModel: the base of the table models over a list inside the document (headers, form
// fields). The model keeps a copy of the rows it last reported; syncRows() compares it with the
// document's rows after a change and reports exactly what differs (rows changed in place, or one block
// removed and one inserted), so views keep their selection and open editors across edits, undo and redo.
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QScopedValueRollback>

namespace AuthStudio {

template<typename Row> class SnapshotTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

protected:
    // True while the model reports a document change. Views may try to commit an open editor then (its
    // row is going away); such writes must not reach the document in the middle of another edit.
    bool isSyncing() const { return m_syncing; }

    void resetRows(const QList<Row> &rows)
    {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }

    void syncRows(const QList<Row> &after)
    {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        const qsizetype before = m_rows.size();
        qsizetype prefix = 0;
        while (prefix < before && prefix < after.size() && m_rows.at(prefix) == after.at(prefix))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < before - prefix && suffix < after.size() - prefix &&
               m_rows.at(before - 1 - suffix) == after.at(after.size() - 1 - suffix))
            ++suffix;
        const qsizetype removed = before - prefix - suffix;
        const qsizetype inserted = after.size() - prefix - suffix;
        if (removed == 0 && inserted == 0)
            return;
        if (removed == inserted) {
            m_rows = after;
            Q_EMIT dataChanged(index(int(prefix), 0), index(int(prefix + removed - 1), columnCount() - 1));
            return;
        }
        if (removed > 0) {
            beginRemoveRows({}, int(prefix), int(prefix + removed - 1));
            m_rows.remove(prefix, removed);
            endRemoveRows();
        }
        if (inserted > 0) {
            beginInsertRows({}, int(prefix), int(prefix + inserted - 1));
            for (qsizetype i = 0; i < inserted; ++i)
                m_rows.insert(prefix + i, after.at(prefix + i));
            endInsertRows();
        }
        Q_ASSERT(m_rows == after);
    }

    QList<Row> m_rows;

private:
    bool m_syncing = false;
};

} // namespace AuthStudio
