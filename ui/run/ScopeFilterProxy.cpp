#include "ScopeFilterProxy.h"

#include "BackgroundRelease.h"
#include "ScopeModel.h"

#include <utility>

namespace AuthStudio {

namespace {
// Stands for the rows at and under a row that matches itself: all of them are kept.
const ScopeSearch::Row AllKept;
} // namespace

ScopeFilterProxy::ScopeFilterProxy(ScopeModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    // Rows are remembered by the source's nodes, which a reset frees.
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_rows.clear(); });
    connect(source, &QAbstractItemModel::modelReset, this, [this] { m_rows.clear(); });
}

void ScopeFilterProxy::setSearch(std::shared_ptr<const ScopeSearch> search)
{
    // All mappings are redone at once (a layout change; invalidateFilter() would insert and remove rows
    // parent by parent, telling views about each). Meanwhile views are told, before the mappings are
    // redone, that the layout is about to change: hasChildren() answers from the mappings until then,
    // so as not to contradict rowCount().
    m_rows.clear();
    std::shared_ptr<const ScopeSearch> previous = std::exchange(m_search, std::move(search));
    m_changingSearch = true;
    invalidate();
    m_changingSearch = false;
    // A search that kept most rows of a large scope is hundreds of thousands of rows to free.
    if (previous)
        BackgroundRelease::release(std::move(previous));
}

bool ScopeFilterProxy::leadsToMatches(const QModelIndex &sourceIndex) const
{
    const ScopeSearch::Row *row = isFiltering() ? searchRow(sourceIndex) : nullptr;
    return row && row != &AllKept && !row->children.empty();
}

bool ScopeFilterProxy::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid() || m_changingSearch)
        return QSortFilterProxyModel::hasChildren(parent);
    const QModelIndex source = mapToSource(parent);
    if (!m_source->hasChildren(source))
        return false;
    if (!isFiltering())
        return true;
    const ScopeSearch::Row *row = searchRow(source);
    if (row == &AllKept)
        return true;
    if (!row)
        return false;
    // A kept row under it that the source still has where the search found it. A search of the previous
    // snapshot may have found its rows elsewhere: then the mapping answers.
    if (row->children.empty())
        return false;
    const ScopeSearch::Row &first = row->children.front();
    if (first.row < m_source->rowCount(source) && m_source->keyAt(source, first.row) == first.key)
        return true;
    return QSortFilterProxyModel::hasChildren(parent);
}

bool ScopeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const ScopeSearch::Row *parent = searchRow(sourceParent);
    if (parent == &AllKept)
        return true;
    return parent && ScopeSearch::child(*parent, sourceRow, m_source->keyAt(sourceParent, sourceRow));
}

const ScopeSearch::Row *ScopeFilterProxy::searchRow(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return &m_search->top();
    const auto known = m_rows.constFind(sourceIndex.internalPointer());
    if (known != m_rows.constEnd())
        return known.value();
    const QModelIndex sourceParent = sourceIndex.parent();
    const ScopeSearch::Row *parent = searchRow(sourceParent);
    const ScopeSearch::Row *row = parent;
    if (parent && parent != &AllKept) {
        row =
            ScopeSearch::child(*parent, sourceIndex.row(), m_source->keyAt(sourceParent, sourceIndex.row()));
        if (row && row->matches)
            row = &AllKept;
    }
    m_rows.insert(sourceIndex.internalPointer(), row);
    return row;
}

} // namespace AuthStudio
