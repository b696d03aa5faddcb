// Workspace: what a workspace file holds: resources and non-secret workspace variables (such as the
// demo API's address) that every expression can read.
#pragma once

#include "KeyValue.h"
#include "Resource.h"

#include <QStringList>

namespace AuthStudio {

struct Workspace
{
    QString name;
    KeyValueList variables;
    QList<Resource> resources;

    const Resource *findResource(const QString &name) const;
    // The resources' names, in order.
    QStringList resourceNames() const;
    // The names of the enabled variables: what a run's scope starts with, and expressions may read.
    QStringList enabledVariableNames() const;
    // The first variable of this name, enabled or not; null when there is none.
    const KeyValue *findVariable(const QString &name) const;
    // How many resources have this name: a valid workspace has one at most, but editing passes through
    // names two resources share.
    int resourcesNamed(const QString &name) const;
    bool operator==(const Workspace &) const = default;
};

} // namespace AuthStudio
