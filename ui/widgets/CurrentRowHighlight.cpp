#include "CurrentRowHighlight.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

namespace AuthStudio {

void CurrentRowHighlight::keep(QAbstractItemView *view)
{
    new CurrentRowHighlight(view); // owned by the view
}

CurrentRowHighlight::CurrentRowHighlight(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    // Both: a view also moves the current row without selecting (on focus, before a click selects).
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CurrentRowHighlight::selectCurrent);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CurrentRowHighlight::selectCurrent);
}

void CurrentRowHighlight::selectCurrent()
{
    QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (!current.isValid() || selection->isSelected(current))
        return;
    QItemSelectionModel::SelectionFlags flags = QItemSelectionModel::ClearAndSelect;
    if (m_view->selectionBehavior() == QAbstractItemView::SelectRows)
        flags |= QItemSelectionModel::Rows;
    selection->select(current, flags);
}

} // namespace AuthStudio
