// KeyValueTableEditor: a name/value table (headers, parameters, form body fields, workspace variables)
// with Add and Remove buttons, and in the table's context menu (with their keys) moving a row up or down,
// copying rows as text and pasting many rows at once (see KeyValueText). The view edits a
// KeyValueTableModel, so every change is one undoable step; values are edited with an ExpressionLineEdit
// that knows the names in reach.
#pragma once

#include "KeyValueText.h"
#include "document/KeyValueRef.h"
#include "script/KnownNames.h"

#include <QKeySequence>
#include <QWidget>

class QTableView;
class QToolButton;

namespace AuthStudio {

class ExpressionDelegate;
class KeyValueTableModel;
class WorkspaceDocument;

class KeyValueTableEditor : public QWidget
{
    Q_OBJECT
public:
    explicit KeyValueTableEditor(WorkspaceDocument *document, QWidget *parent = nullptr);

    void setTable(const KeyValueRef &ref);
    void setKnownNames(const KnownNames &names);
    // What the buttons and placeholder call a row ("header").
    void setRowNoun(const QString &noun);
    // From now on sizes the table to its rows, with room for one more (two to eight rows, then it scrolls),
    // instead of to the room it is given: in a page of several tables, each Add button stays just under its
    // rows.
    void sizeToRows();

    KeyValueTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    // Adds an empty row at the end and starts editing its name.
    void addRow();
    // Selects the row and starts editing its value.
    void editValue(int row);
    // Makes a cell of the first enabled row named `name` (as written) current and gives the table the
    // focus, for a failed run's field; false when no row has that name.
    bool focusRow(const QString &name, int column);
    void removeSelectedRow();
    // Moves the selected row one place (-1 up, 1 down), keeping it selected.
    void moveSelectedRow(int by);
    // The selected row (all rows with `all` or when none is selected) as text on the clipboard.
    void copyRows(bool all = false);
    // Rows from the clipboard's text after the selected row (at the end when none is), one undoable step; a
    // single line without a tab is a value for the current cell instead.
    void paste();
    // Delete in the table (not while a cell is edited) removes the selected row, as in the step list.
    static QKeySequence removeKeys() { return QKeySequence(QKeySequence::Delete); }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // How long the note on what a pasted curl command's rows leave out stays.
    static constexpr int PasteNoteMs = 10000;

    void updateButtons();
    KeyValueText::Style textStyle() const; // headers' or the others'
    int selectedRow() const;
    void showContextMenu(const QPoint &position);
    void updateViewHeight();
    // Ends the edit of the current cell, if one is open, keeping what was typed.
    void commitOpenEditor();

    KeyValueTableModel *m_model;
    ExpressionDelegate *m_valueDelegate;
    QTableView *m_view;
    QToolButton *m_addButton;
    QToolButton *m_removeButton;
    bool m_sizedToRows = false;
};

} // namespace AuthStudio
