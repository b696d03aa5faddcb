// DocumentChange: the one change notification WorkspaceDocument emits. Views subscribe to
// WorkspaceDocument::changed and look at the kind and the place instead of listening to a signal per
// kind of edit. It also tells holders of an index where their item went (mapResource/mapStep), so an
// editor bound to "resource 2, step 1" follows its step through moves, inserts and removals.
#pragma once

#include "StepRef.h"

#include <QMetaType>

namespace AuthStudio {

struct DocumentChange
{
    enum class Kind {
        Reset, // a new, opened or restored workspace: everything changed
        WorkspaceChanged, // workspace name or variables
        ResourceAdded, // resource = the new index
        ResourceRemoved, // resource = the old index
        ResourceMoved, // resource = old index, to = new index
        ResourceChanged, // any part of the resource (including its steps) may have changed
        StepAdded, // resource/workflow/step = the new step
        StepRemoved, // resource/workflow/step = the old step
        StepMoved, // step = old index, to = new index
        StepChanged, // one step's content (including enabled)
    };

    Kind kind = Kind::Reset;
    int resource = -1;
    WorkflowKind workflow = WorkflowKind::Auth;
    int step = -1;
    int to = -1;
    // Counts the document's changes. A view that binds to an index while a change is being announced
    // (a list selecting the next row when the current one goes) binds to an index that is already current:
    // it records WorkspaceDocument::changeSerial() and ignores changes up to it.
    quint64 serial = 0;

    static DocumentChange reset() { return {}; }
    static DocumentChange workspaceChanged() { return {Kind::WorkspaceChanged}; }
    static DocumentChange resourceEvent(Kind kind, int resource, int to = -1);
    static DocumentChange stepEvent(Kind kind, const StepRef &step, int to = -1);

    StepRef stepRef() const { return {resource, workflow, step}; }
    bool isStepEvent() const;

    // Where the resource at `index` before this change is after it; -1 when it was removed (or on Reset).
    int mapResource(int index) const;
    // Where the step at `ref` before this change is after it; a null ref when it was removed.
    StepRef mapStep(const StepRef &ref) const;
    // True when the content of the resource at `index` (an index after the change) may differ.
    bool affectsResource(int index) const;
    // True when the content of the step at `ref` (after the change) may differ.
    bool affectsStep(const StepRef &ref) const;
    // True when the list of steps of this workflow may differ (in content, count or order).
    bool affectsWorkflow(int resource, WorkflowKind workflow) const;
};

} // namespace AuthStudio

Q_DECLARE_METATYPE(AuthStudio::DocumentChange)
