#include "ShortcutsDialog.h"

#include "editor/KeyValueTableEditor.h"
#include "preview/AuthLoginPreview.h"
#include "run/ScopeInspector.h"
#include "widgets/FilterLineEdit.h"
#include "widgets/NameCompleter.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace AuthStudio {

namespace {

// "&Save As…" as the menu shows it: "Save As…".
QString plainText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\u0001"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\u0001"), QStringLiteral("&"));
    return text;
}

void addRow(QStandardItemModel *model, const QString &where, const QString &command, const QString &keys,
            const QString &toolTip)
{
    QList<QStandardItem *> row {new QStandardItem(where), new QStandardItem(command),
                                new QStandardItem(keys)};
    for (QStandardItem *item : row)
        item->setEditable(false);
    row.at(1)->setToolTip(toolTip);
    model->appendRow(row);
}

QString written(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

void addRows(QStandardItemModel *model, const QMenu *menu, const QString &path)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (const QMenu *submenu = action->menu()) {
            addRows(model, submenu, path + QStringLiteral(" \u203a ") + plainText(submenu->title()));
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList texts;
        for (const QKeySequence &key : keys)
            texts.append(written(key));
        addRow(model, path, plainText(action->text()), texts.join(QStringLiteral(", ")), action->toolTip());
    }
}

// The keys of panes and fields, which no menu shows: each from the class that answers it.
void addPaneRows(QStandardItemModel *model)
{
    const QString preview = ShortcutsDialog::tr("Auth Login preview");
    addRow(model, preview, ShortcutsDialog::tr("Auth Login, Cancel Login"),
           written(AuthLoginPreview::loginKeys()),
           ShortcutsDialog::tr(
               "Wherever the preview is shown: run the resource's auth workflow, or stop the one running"));
    addRow(model, preview, ShortcutsDialog::tr("Send Query"), written(QKeySequence(Qt::Key_Return)),
           ShortcutsDialog::tr("In the query's path field"));
    addRow(model, preview, ShortcutsDialog::tr("Cancel Query"), written(QKeySequence(QKeySequence::Cancel)),
           ShortcutsDialog::tr("While a query runs, from any field of the preview"));
    addRow(model, ShortcutsDialog::tr("Resource editor"), ShortcutsDialog::tr("Next Tab, Previous Tab"),
           written(QKeySequence(Qt::CTRL | Qt::Key_Tab)) + QStringLiteral(", ") +
               written(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)),
           ShortcutsDialog::tr(
               "General, Auth workflow, Refresh workflow, Session; also in the step editors' tabs"));
    addRow(model, ShortcutsDialog::tr("Filter fields"), ShortcutsDialog::tr("Clear the Filter"),
           written(FilterLineEdit::clearKeys()),
           ShortcutsDialog::tr("In a filter that has text: resources, scope inspectors, this list"));
    const QString tables = ShortcutsDialog::tr("Header and parameter tables");
    addRow(model, tables, ShortcutsDialog::tr("Remove Row"), written(KeyValueTableEditor::removeKeys()),
           ShortcutsDialog::tr("Remove the selected row (not while its cell is being edited)"));
    addRow(model, tables, ShortcutsDialog::tr("Move Row Up, Move Row Down"),
           written(QKeySequence(Qt::CTRL | Qt::Key_Up)) + QStringLiteral(", ") +
               written(QKeySequence(Qt::CTRL | Qt::Key_Down)),
           ShortcutsDialog::tr("Move the selected row; headers are sent in the table's order"));
    addRow(model, tables, ShortcutsDialog::tr("Copy Row, Paste Rows"),
           written(QKeySequence(QKeySequence::Copy)) + QStringLiteral(", ") +
               written(QKeySequence(QKeySequence::Paste)),
           ShortcutsDialog::tr("Copy the selected row as a line of text; paste lines (\"Name: value\", "
                               "\"name=value\") as rows after it. Also in the table's context menu."));
    const QString inspector = ShortcutsDialog::tr("Scope inspector");
    addRow(model, inspector, ShortcutsDialog::tr("Copy Value"), written(ScopeInspector::copyValueKeys()),
           ShortcutsDialog::tr("Copy the selected value to the clipboard"));
    addRow(model, inspector, ShortcutsDialog::tr("Copy as {{ expression }}"),
           written(ScopeInspector::copyExpressionKeys()),
           ShortcutsDialog::tr("Copy the {{ expression }} that reads the selected value"));
    addRow(model, ShortcutsDialog::tr("Expression fields"), ShortcutsDialog::tr("Offer Names"),
           written(NameCompleter::askKeys()),
           ShortcutsDialog::tr("In fields that take {{ expressions }} and in scripts: the step and variable "
                               "names, and after a name and a dot what it holds"));
    const QString form = ShortcutsDialog::tr("Form dialog");
    addRow(model, form, ShortcutsDialog::tr("Submit"), written(QKeySequence(Qt::Key_Return)),
           ShortcutsDialog::tr("Continue the run with the values typed"));
    addRow(model, form, ShortcutsDialog::tr("Cancel the Run"), written(QKeySequence(QKeySequence::Cancel)),
           ShortcutsDialog::tr("Stop the run that asked"));
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_model(new QStandardItemModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_model->setHorizontalHeaderLabels({tr("Where"), tr("Command"), tr("Keys")});
    for (QAction *action : menus->actions()) {
        if (const QMenu *menu = action->menu())
            addRows(m_model, menu, plainText(menu->title()));
    }
    addPaneRows(m_model);

    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1); // any column: a command's name or its keys
    auto *filter = new FilterLineEdit(this);
    filter->setObjectName(QStringLiteral("shortcutFilter"));
    filter->setPlaceholderText(tr("Filter commands and keys"));
    filter->setAccessibleName(tr("Filter shortcuts"));
    connect(filter, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("shortcutList"));
    m_view->setAccessibleName(tr("Keyboard shortcuts"));
    m_view->setModel(m_filter);
    filter->setFilteredView(m_view);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8); // list-like rows
    // The command takes what the place and the keys leave: keys are never cut.
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(640, 520);
    filter->setFocus();
}

} // namespace AuthStudio
