#include "DocumentChange.h"

namespace AuthStudio {

namespace {

// Where an item at `index` of a list goes when the item `from` moves to `to` (QList::move semantics).
int mapThroughMove(int index, int from, int to)
{
    if (index == from)
        return to;
    if (from < to && index > from && index <= to)
        return index - 1;
    if (to < from && index >= to && index < from)
        return index + 1;
    return index;
}

} // namespace

DocumentChange DocumentChange::resourceEvent(Kind kind, int resource, int to)
{
    DocumentChange change;
    change.kind = kind;
    change.resource = resource;
    change.to = to;
    return change;
}

DocumentChange DocumentChange::stepEvent(Kind kind, const StepRef &step, int to)
{
    DocumentChange change;
    change.kind = kind;
    change.resource = step.resource;
    change.workflow = step.workflow;
    change.step = step.step;
    change.to = to;
    return change;
}

bool DocumentChange::isStepEvent() const
{
    return kind == Kind::StepAdded || kind == Kind::StepRemoved || kind == Kind::StepMoved ||
        kind == Kind::StepChanged;
}

int DocumentChange::mapResource(int index) const
{
    if (index < 0)
        return -1;
    switch (kind) {
    case Kind::Reset:
        return -1;
    case Kind::ResourceAdded:
        return index >= resource ? index + 1 : index;
    case Kind::ResourceRemoved:
        if (index == resource)
            return -1;
        return index > resource ? index - 1 : index;
    case Kind::ResourceMoved:
        return mapThroughMove(index, resource, to);
    default:
        return index;
    }
}

StepRef DocumentChange::mapStep(const StepRef &ref) const
{
    if (ref.isNull())
        return {};
    StepRef mapped = ref;
    mapped.resource = mapResource(ref.resource);
    if (mapped.resource < 0)
        return {};
    if (!isStepEvent() || !ref.sameWorkflow(stepRef()))
        return mapped;
    switch (kind) {
    case Kind::StepAdded:
        if (ref.step >= step)
            ++mapped.step;
        break;
    case Kind::StepRemoved:
        if (ref.step == step)
            return {};
        if (ref.step > step)
            --mapped.step;
        break;
    case Kind::StepMoved:
        mapped.step = mapThroughMove(ref.step, step, to);
        break;
    default:
        break;
    }
    return mapped;
}

bool DocumentChange::affectsResource(int index) const
{
    switch (kind) {
    case Kind::Reset:
        return true;
    case Kind::WorkspaceChanged:
        return false;
    case Kind::ResourceAdded:
    case Kind::ResourceRemoved:
    case Kind::ResourceMoved:
        return false; // the resources moved, but none changed
    default:
        return index == resource;
    }
}

bool DocumentChange::affectsStep(const StepRef &ref) const
{
    switch (kind) {
    case Kind::Reset:
        return true;
    case Kind::ResourceChanged:
        return ref.resource == resource;
    case Kind::StepChanged:
        return ref == stepRef();
    default:
        return false;
    }
}

bool DocumentChange::affectsWorkflow(int resourceIndex, WorkflowKind workflowKind) const
{
    switch (kind) {
    case Kind::Reset:
        return true;
    case Kind::ResourceChanged:
        return resourceIndex == resource;
    case Kind::StepAdded:
    case Kind::StepRemoved:
    case Kind::StepMoved:
    case Kind::StepChanged:
        return resourceIndex == resource && workflowKind == workflow;
    default:
        return false;
    }
}

} // namespace AuthStudio
