// FilterLineEdit: the search box above a list or tree. It gets its clear button with its first text, not
// when it is built: Qt loads that button's icon through the icon theme, and parsing the theme's index
// costs several milliseconds of start-up on X11, for a button an empty filter never shows.
// Undo and Redo with nothing of the filter's own to undo or redo are the window's (the document's): the
// filter is where the focus is at start-up, and Ctrl+Z did nothing there (QA pass 38). Esc clears a
// filter that has text, as search boxes do; an empty one leaves Esc to the window (QA pass 39).
// Down goes on into the list it filters, as in a file dialog's or a launcher's search (QA pass 47).
#pragma once

#include <QKeySequence>
#include <QLineEdit>
#include <QPointer>

class QAbstractItemView;

namespace AuthStudio {

class FilterLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit FilterLineEdit(QWidget *parent = nullptr);

    // Clears the text; Esc does the same.
    static QKeySequence clearKeys() { return QKeySequence(Qt::Key_Escape); }

    // The list or tree the filter shows rows of: Down moves the keyboard there, onto its first row
    // when none is current.
    void setFilteredView(QAbstractItemView *view) { m_view = view; }

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // Whether the key is clearKeys() with text to clear: asked when the key is offered as a shortcut, and
    // when it is pressed.
    bool clearsOn(const QKeyEvent *key) const;

    QPointer<QAbstractItemView> m_view;
};

} // namespace AuthStudio
