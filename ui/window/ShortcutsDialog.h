// ShortcutsDialog: Help > Keyboard Shortcuts. Every menu command that has keys, with its menu and its keys
// as this platform writes them, read from the menus themselves so the list can't drift from them; then the
// keys of panes and fields no menu shows (the preview's, the scope inspector's, the form's), read from the
// classes that answer them. A filter finds a command by name or key.
#pragma once

#include <QDialog>

class QMenuBar;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace AuthStudio {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    // Columns: where (a menu, a pane), command, keys.
    QStandardItemModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_filter;
    QTableView *m_view;
};

} // namespace AuthStudio
