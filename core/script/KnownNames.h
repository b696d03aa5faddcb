// KnownNames: the names an expression may use at one place of a workspace (WorkspaceDocument::namesKnownAt),
// for the editors that check and complete them. Steps whose result has fields (form1, http1, js1) are kept
// apart from plain values (variables), because "{{ http1" goes on with ".body" while "{{ TOKEN }}" is whole.
#pragma once

#include <QStringList>

namespace AuthStudio {

struct KnownNames
{
    QStringList values; // the workspace's variables and those Define variable steps set
    QStringList objects; // the steps before, whose results have fields

    QStringList all() const { return values + objects; }
    friend bool operator==(const KnownNames &, const KnownNames &) = default;
};

} // namespace AuthStudio
