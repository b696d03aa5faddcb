// TabOrder: Tab order for parts of a window built after it (a workflow tab opened for the first time, a step
// editor shown for the first time). Qt puts a new widget's fields at the end of its window's Tab cycle,
// after every dock, so Tab left the part for the rest of the window before reaching them; these place
// them where they are seen, and find where a part's Tab stops begin.
#pragma once

class QWidget;

namespace AuthStudio::TabOrder {

// Puts the Tab stops inside `part`, in their order, right after `anchor`: Tab goes from the anchor through
// them, and from the last of them to what followed the anchor.
void placeAfter(QWidget *anchor, QWidget *part);

// The first Tab stop inside `part` that can take the focus now (shown, enabled), or null.
QWidget *firstIn(QWidget *part);

// The last Tab stop inside `part`, shown or not, or null: where the part's Tab stops end.
QWidget *lastIn(QWidget *part);

} // namespace AuthStudio::TabOrder
