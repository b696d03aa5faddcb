#include "ScopeInspector.h"

#include "ScopeFilterProxy.h"
#include "ScopeModel.h"
#include "ScopeSearch.h"
#include "run/JsonText.h"
#include "widgets/CurrentRowHighlight.h"
#include "widgets/FilterLineEdit.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QQueue>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWindow>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace AuthStudio {

namespace {
// A filter matching thousands of rows must not expand them all: that is what freezes a tree view.
constexpr int MaxExpandedMatches = 200;
constexpr int FilterDelayMs = 200;
} // namespace

ScopeInspector::ScopeInspector(QWidget *parent)
    : QWidget(parent)
    , m_model(new ScopeModel(this))
    , m_proxy(new ScopeFilterProxy(m_model, this))
    , m_filter(new FilterLineEdit(this))
    , m_reveal(new QCheckBox(tr("Reveal secrets"), this))
    , m_view(new QTreeView(this))
    , m_copyValueAction(new QAction(tr("Copy value"), this))
    , m_copyExpressionAction(new QAction(tr("Copy as {{ expression }}"), this))
    , m_filterTimer(new QTimer(this))
    , m_copyValueButton(new QToolButton(this))
    , m_copyExpressionButton(new QToolButton(this))
    , m_layout(new QVBoxLayout(this))
    , m_toolbar(new QHBoxLayout)
{
    m_filter->setObjectName(QStringLiteral("scopeFilter"));
    m_filter->setPlaceholderText(tr("Filter names and values"));
    m_filter->setToolTip(tr("Show only the names and values containing this text"));
    m_filter->setAccessibleName(tr("Filter scope"));
    // Where the buttons leave it less, it goes above them (see placeFilter).
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 16);

    m_reveal->setObjectName(QStringLiteral("revealSecrets"));
    m_reveal->setToolTip(tr("Show passwords, tokens and secret variables in clear text"));
    m_reveal->setAccessibleName(tr("Reveal secrets"));

    m_view->setObjectName(QStringLiteral("scopeTree"));
    m_view->setModel(m_proxy);
    m_filter->setFilteredView(m_view);
    m_view->setAccessibleName(tr("Scope"));
    m_view->setToolTip(tr("The values the run has produced so far; right-click to copy"));
    m_view->setUniformRowHeights(true); // lets the view skip measuring rows of large bodies
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    CurrentRowHighlight::keep(m_view); // the copy actions act on it
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ScopeModel::NameColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(ScopeModel::ValueColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ScopeModel::TypeColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(ScopeModel::NameColumn, 180);

    m_copyValueAction->setObjectName(QStringLiteral("copyValueAction"));
    // A hidden secret is copied as it is shown (QA pass 36 expected the value): the tooltip says how.
    m_copyValueAction->setToolTip(
        tr("Copy the selected value to the clipboard; a secret as ******** until Reveal secrets is ticked"));
    m_copyValueAction->setShortcut(copyValueKeys());
    m_copyValueAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyExpressionAction->setObjectName(QStringLiteral("copyExpressionAction"));
    m_copyExpressionAction->setToolTip(
        tr("Copy the {{ expression }} that reads the selected value, to paste into a step's field"));
    m_copyExpressionAction->setShortcut(copyExpressionKeys());
    m_copyExpressionAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_copyValueAction);
    m_view->addAction(m_copyExpressionAction);

    m_copyValueButton->setObjectName(QStringLiteral("copyValueButton"));
    m_copyValueButton->setDefaultAction(m_copyValueAction);
    m_copyValueButton->setAccessibleName(m_copyValueAction->text());
    m_copyExpressionButton->setObjectName(QStringLiteral("copyExpressionButton"));
    m_copyExpressionButton->setDefaultAction(m_copyExpressionAction);
    m_copyExpressionButton->setAccessibleName(m_copyExpressionAction->text());

    m_toolbar->addWidget(m_filter, 1);
    m_toolbar->addWidget(m_reveal);
    m_toolbar->addWidget(m_copyValueButton);
    m_toolbar->addWidget(m_copyExpressionButton);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(m_toolbar);
    m_layout->addWidget(m_view, 1);

    m_expandTimer = new QTimer(this);
    m_expandTimer->setSingleShot(true);
    connect(m_expandTimer, &QTimer::timeout, this, &ScopeInspector::expandDeferred);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &ScopeInspector::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &ScopeInspector::applyFilter);
    connect(m_reveal, &QCheckBox::toggled, this, [this](bool reveal) {
        m_model->setRevealSecrets(reveal);
        if (!m_filterText.isEmpty())
            search(); // what a row shows, and so what it matches, has changed
    });
    connect(m_copyValueAction, &QAction::triggered, this, &ScopeInspector::copyValue);
    connect(m_copyExpressionAction, &QAction::triggered, this, &ScopeInspector::copyExpression);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && !m_settingScope)
                    m_pendingCurrent.clear(); // the user's own choice now
                updateActions();
            });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ScopeInspector::updateActions);
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!m_restoring)
            m_expandedPaths.insert(m_model->pathFor(m_proxy->mapToSource(index)));
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_expandedPaths.remove(m_model->pathFor(m_proxy->mapToSource(index)));
    });
    updateActions();
}

ScopeInspector::~ScopeInspector()
{
    cancelSearch();
}

QSortFilterProxyModel *ScopeInspector::proxyModel() const
{
    return m_proxy;
}

bool ScopeInspector::isSearching() const
{
    return m_searching;
}

void ScopeInspector::maskSecrets()
{
    m_reveal->setChecked(false);
}

QSize ScopeInspector::minimumSizeHint() const
{
    // Narrow, the filter goes above the buttons: the buttons' row alone sets the minimum width.
    QSize size = QWidget::minimumSizeHint();
    size.setWidth(qMin(size.width(), qMax(buttonsWidth(), m_filter->minimumWidth())));
    return size;
}

void ScopeInspector::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeFilter();
}

int ScopeInspector::buttonsWidth() const
{
    return m_reveal->sizeHint().width() + m_copyValueButton->sizeHint().width() +
        m_copyExpressionButton->sizeHint().width() + 2 * m_toolbar->spacing();
}

void ScopeInspector::placeFilter()
{
    // Beside the buttons where it keeps room for its placeholder text and clear button (the Test panel);
    // above them where it wouldn't (the narrow Auth Login preview, which the buttons' row would otherwise
    // make too wide for a 1280-pixel screen).
    const QFontMetrics metrics = m_filter->fontMetrics();
    const int besideWidth =
        qMax(m_filter->minimumWidth(),
             metrics.horizontalAdvance(m_filter->placeholderText()) + metrics.averageCharWidth() * 6);
    const bool ownRow = width() < besideWidth + m_toolbar->spacing() + buttonsWidth();
    if (ownRow == m_filterOnOwnRow)
        return;
    m_filterOnOwnRow = ownRow;
    m_toolbar->removeWidget(m_filter);
    if (ownRow)
        m_layout->insertWidget(0, m_filter);
    else
        m_toolbar->insertWidget(0, m_filter, 1);
}

void ScopeInspector::setScope(const Scope &scope)
{
    // The row that was current, or one still to be made current: a Test run starts from a scope without
    // the last run's steps, and the row (http1 › body › token) comes back with a later one (QA pass 33: it
    // was lost at the run's first snapshot).
    QStringList currentPath = m_model->pathFor(currentIndex());
    if (currentPath.isEmpty())
        currentPath = m_pendingCurrent;
    m_pendingCurrent.clear();
    const QScopedValueRollback<bool> settingScope(m_settingScope, true);
    m_model->setScope(scope);
    m_largeScope = JsonText::sizeUpTo(scope.values(), LargeScopeBytes) >= LargeScopeBytes;
    // Until a large scope's search is done, the previous one's result filters it (by key, so rows that
    // were kept still are).
    if (!m_filterText.isEmpty())
        search();
    // Parents first, so each expansion finds its row under an expanded parent.
    QList<QStringList> paths(m_expandedPaths.cbegin(), m_expandedPaths.cend());
    std::sort(paths.begin(), paths.end(),
              [](const QStringList &a, const QStringList &b) { return a.size() < b.size(); });
    const auto underDeferred = [this](const QStringList &path) {
        return std::any_of(m_deferredExpansions.cbegin(), m_deferredExpansions.cend(),
                           [&path](const QStringList &deferred) {
                               return deferred.size() < path.size() &&
                                   std::equal(deferred.cbegin(), deferred.cend(), path.cbegin());
                           });
    };
    m_deferredExpansions.clear();
    m_restoring = true;
    for (const QStringList &path : std::as_const(paths)) {
        const QModelIndex source = m_model->indexForPath(path);
        if (m_model->rowCount(source) > LargeExpansionRows || underDeferred(path)) {
            m_deferredExpansions.append(path);
            continue;
        }
        const QModelIndex index = m_proxy->mapFromSource(source);
        if (index.isValid())
            m_view->expand(index);
    }
    m_restoring = false;
    // Under a row whose opening is deferred, made current now, the view would open its parents at once.
    const bool currentDeferred = underDeferred(currentPath);
    if (currentDeferred)
        m_pendingCurrent = currentPath;
    if (!m_deferredExpansions.isEmpty() && !m_holdExpansions)
        m_expandTimer->start(0);
    // Lay the new rows out now rather than at the next paint. Laid out from a paint event that covers
    // only part of the tree (the columns right of Name, repainted after a column resize), QTreeView's
    // request to repaint the rest was lost, and the Name column kept the previous scope's rows on screen
    // until clicked (seen under X11 in 2 runs in 20; none in 40 since). Before the window is first shown
    // nothing can be stale, and a layout per call added up at start-up (three calls, 0.85M instructions).
    const QWindow *window = m_view->window()->windowHandle();
    if (window && window->isExposed())
        m_view->doItemsLayout();
    if (!currentPath.isEmpty() && !currentDeferred) {
        const QModelIndex found = m_model->indexForPath(currentPath);
        setCurrentIndex(found);
        if (!found.isValid())
            m_pendingCurrent = currentPath; // for a later snapshot
    }
    if (!m_filterText.isEmpty() && !m_searching)
        expandMatches();
    updateActions();
}

void ScopeInspector::holdLargeExpansions(bool hold)
{
    m_holdExpansions = hold;
    if (!hold && !m_deferredExpansions.isEmpty())
        m_expandTimer->start(0);
}

void ScopeInspector::expandDeferred()
{
    if (m_holdExpansions)
        return;
    m_restoring = true;
    for (const QStringList &path : std::as_const(m_deferredExpansions)) {
        if (!m_expandedPaths.contains(path))
            continue; // collapsed meanwhile
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexForPath(path));
        if (index.isValid())
            m_view->expand(index);
    }
    m_restoring = false;
    m_deferredExpansions.clear();
    if (!m_pendingCurrent.isEmpty() && !m_view->currentIndex().isValid())
        setCurrentIndex(m_model->indexForPath(std::exchange(m_pendingCurrent, {})));
    updateActions();
}

void ScopeInspector::setFilterText(const QString &text)
{
    m_filter->setText(text);
    applyFilter();
}

QString ScopeInspector::filterText() const
{
    return m_filter->text();
}

void ScopeInspector::applyFilter()
{
    m_filterTimer->stop();
    const QString text = m_filter->text().trimmed();
    if (text == m_filterText)
        return;
    m_filterText = text;
    search();
}

void ScopeInspector::search()
{
    cancelSearch();
    if (m_filterText.isEmpty()) {
        showSearch(nullptr);
        return;
    }
    if (!m_largeScope) {
        showSearch(std::make_shared<const ScopeSearch>(
            ScopeSearch::run(m_model->scope(), m_filterText, m_model->revealSecrets())));
        return;
    }
    // Looking at every row of megabytes of JSON takes the better part of a second: on the thread pool,
    // from copies, while the rows shown stay as they were and typing goes on. A newer search (more
    // typing, another snapshot) stops this one and drops its result.
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    auto *searching = new QFutureWatcher<std::shared_ptr<const ScopeSearch>>(this);
    m_searching = searching;
    m_searchCancelled = cancelled;
    connect(searching, &QFutureWatcherBase::finished, this, [this, searching] {
        searching->deleteLater();
        if (m_searching != searching)
            return;
        m_searching = nullptr;
        m_searchCancelled.reset();
        showSearch(searching->result());
    });
    searching->setFuture(QtConcurrent::run([scope = m_model->scope(), text = m_filterText,
                                            reveal = m_model->revealSecrets(), cancelled] {
        return std::make_shared<const ScopeSearch>(ScopeSearch::run(scope, text, reveal, cancelled.get()));
    }));
}

void ScopeInspector::cancelSearch()
{
    if (m_searchCancelled)
        *m_searchCancelled = true;
    m_searchCancelled.reset();
    if (m_searching) {
        m_searching->disconnect(this);
        m_searching->deleteLater();
        m_searching = nullptr;
    }
}

void ScopeInspector::showSearch(std::shared_ptr<const ScopeSearch> result)
{
    m_proxy->setSearch(std::move(result));
    if (m_proxy->isFiltering())
        expandMatches();
    updateActions();
    Q_EMIT filterApplied();
}

// Opens the rows that lead to matches, breadth first, up to a limit. A row that matches itself stays
// closed: its children are all shown, matching or not, and opening them all is what freezes a tree.
void ScopeInspector::expandMatches()
{
    QQueue<QModelIndex> queue;
    queue.enqueue(QModelIndex());
    int expanded = 0;
    while (!queue.isEmpty() && expanded < MaxExpandedMatches) {
        const QModelIndex parent = queue.dequeue();
        const int rows = m_proxy->rowCount(parent);
        for (int row = 0; row < rows && expanded < MaxExpandedMatches; ++row) {
            const QModelIndex child = m_proxy->index(row, 0, parent);
            if (m_proxy->leadsToMatches(m_proxy->mapToSource(child))) {
                m_view->expand(child);
                ++expanded;
                queue.enqueue(child);
            }
        }
    }
}

QModelIndex ScopeInspector::currentIndex() const
{
    return m_proxy->mapToSource(m_view->currentIndex());
}

void ScopeInspector::setCurrentIndex(const QModelIndex &sourceIndex)
{
    const QModelIndex index = m_proxy->mapFromSource(sourceIndex);
    m_view->setCurrentIndex(index);
    if (index.isValid())
        m_view->scrollTo(index);
}

void ScopeInspector::copyValue()
{
    const QModelIndex index = currentIndex();
    if (!index.isValid())
        return;
    delete m_copying; // a copy still being written out is replaced by this one
    if (!m_largeScope || JsonText::sizeUpTo(m_model->valueAt(index), LargeScopeBytes) < LargeScopeBytes) {
        QGuiApplication::clipboard()->setText(m_model->valueText(index));
        Q_EMIT valueCopied();
        return;
    }
    // Writing out (and masking) megabytes of JSON takes the better part of a second: on the thread pool,
    // from copies; the clipboard gets it when it is done.
    auto *copying = new QFutureWatcher<QString>(this);
    m_copying = copying;
    connect(copying, &QFutureWatcherBase::finished, this, [this, copying] {
        copying->deleteLater();
        QGuiApplication::clipboard()->setText(copying->result());
        Q_EMIT valueCopied();
    });
    copying->setFuture(QtConcurrent::run(m_model->valueTextTask(index)));
}

void ScopeInspector::copyExpression()
{
    const QModelIndex index = currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(m_model->expressionFor(index));
}

void ScopeInspector::updateActions()
{
    const bool hasCurrent = m_view->currentIndex().isValid();
    m_copyValueAction->setEnabled(hasCurrent);
    m_copyExpressionAction->setEnabled(hasCurrent);
}

} // namespace AuthStudio
