// KeyValueRef: which name/value table of the workspace a KeyValueTableModel edits: the workspace
// variables, a resource's headers or URL parameters, or an API Request step's headers, query
// parameters or form body fields. The document reads and writes tables through it, so the model needs
// no knowledge of where a table sits inside resources and steps.
#pragma once

#include "StepRef.h"

namespace AuthStudio {

struct KeyValueRef
{
    enum class Table {
        WorkspaceVariables,
        ResourceHeaders,
        ResourceUrlParameters,
        StepHeaders,
        StepQueryParameters,
        StepBodyFields
    };

    Table table = Table::WorkspaceVariables;
    // Resource tables use step.resource only; step tables use the whole StepRef.
    StepRef step;

    static KeyValueRef variables() { return {}; }
    static KeyValueRef resourceTable(Table table, int resource) { return {table, {resource, {}, -1}}; }
    static KeyValueRef stepTable(Table table, const StepRef &step) { return {table, step}; }

    bool isResourceTable() const
    {
        return table == Table::ResourceHeaders || table == Table::ResourceUrlParameters;
    }
    bool isStepTable() const { return table != Table::WorkspaceVariables && !isResourceTable(); }
    bool operator==(const KeyValueRef &) const = default;
};

} // namespace AuthStudio
