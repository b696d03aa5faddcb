// CurrentRowHighlight: keeps the current row of a list selected, for lists whose neighbour (an editor, the
// scope, the copy buttons) follows the current row. Qt clears a single selection on a click in the view's
// empty part or a Ctrl+click on the selected row, and makes a row current without selecting it when the
// view takes focus; either way the neighbour showed a row the list didn't highlight.
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
    void selectCurrent();

    QAbstractItemView *m_view;
};

} // namespace AuthStudio
