// CurrentRowHighlight: keeps the current row of a master list selected. Qt clears a single selection on a
// click in the view's empty part or a Ctrl+click on the selected row, but the current row stays, and so
// does the editor beside the list that follows it; without the highlight nothing shows what it edits.
#pragma once

#include <QObject>

class QAbstractItemView;

namespace AuthStudio {

class CurrentRowHighlight : public QObject
{
    Q_OBJECT
public:
    // Call after the view's model is set; the helper is a child of the view.
    static void keep(QAbstractItemView *view);

private:
    explicit CurrentRowHighlight(QAbstractItemView *view);
    void reselectCurrent();

    QAbstractItemView *m_view;
};

} // namespace AuthStudio
