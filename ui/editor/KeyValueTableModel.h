// KeyValueTableModel: a name/value table of the workspace (workspace variables, resource headers and URL
// parameters, an API Request step's headers, query parameters and form body fields) for a QTableView.
// Column 0 is the name with a checkbox for "enabled", column 1 the value, which may hold {{ expressions }}.
// Every edit, added or removed row is one undoable step on the document's stack; renaming a workspace
// variable rewrites the expressions that read it in the same step (WorkspaceDocument::renameVariable).
#pragma once

#include "SnapshotTableModel.h"
#include "document/KeyValueRef.h"
#include "model/KeyValue.h"

#include <optional>

namespace AuthStudio {

class WorkspaceDocument;
struct DocumentChange;

class KeyValueTableModel : public SnapshotTableModel<KeyValue>
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    explicit KeyValueTableModel(WorkspaceDocument *document, QObject *parent = nullptr);

    // Which table to show; a table that doesn't exist (an unbound editor) shows no rows.
    void setTable(const KeyValueRef &ref);
    KeyValueRef table() const { return m_ref; }
    bool hasTable() const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    // The rows at `row`, in one undoable step (a paste of several rows).
    bool insertKeyValues(int row, const KeyValueList &rows);
    // The rows as they are, to copy out (all, or `count` from `row`).
    KeyValueList keyValues(int row = 0, int count = -1) const { return m_rows.mid(row, count); }

    // What one row is called in undo texts and tooltips ("header", "query parameter", ...).
    QString rowNoun() const;

private:
    // For a workspace variable the running demo API replaces: the value in use.
    // A workspace variable that looks like it holds a secret: why it shouldn't, or empty.
    QString secretWarning(const KeyValue &row) const;
    std::optional<QString> overrideOf(const KeyValue &row) const;
    // Why Save refuses the row for what this cell holds, for the cell's tooltip and tint; empty when it
    // doesn't.
    QString cellProblem(int row, int column) const;
    // For a workspace variable whose name another variable or a step has (which Save refuses, and which a
    // rename to it leaves the expressions alone for): what it clashes with; else empty.
    QString nameClash(int row) const;
    // Whether a variable's name clashes depends on the other rows and on every resource's steps.
    void nameClashesMayHaveChanged();
    void onDocumentChanged(const DocumentChange &change);
    void write(const KeyValueList &rows, const QString &text);

    WorkspaceDocument *m_document;
    KeyValueRef m_ref;
    bool m_bound = false;
    // The document change serial at binding time: changes up to it are already shown.
    quint64 m_boundSerial = 0;
};

} // namespace AuthStudio
