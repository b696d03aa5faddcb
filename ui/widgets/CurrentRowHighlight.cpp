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
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CurrentRowHighlight::reselectCurrent);
}

void CurrentRowHighlight::reselectCurrent()
{
    QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (!current.isValid() || selection->hasSelection())
        return;
    QItemSelectionModel::SelectionFlags flags = QItemSelectionModel::Select;
    if (m_view->selectionBehavior() == QAbstractItemView::SelectRows)
        flags |= QItemSelectionModel::Rows;
    selection->select(current, flags);
}

} // namespace AuthStudio
