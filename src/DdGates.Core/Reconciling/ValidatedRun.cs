using DdGates.Api;
using DdGates.Config;

namespace DdGates.Reconciling;

/// <summary>A run whose every input checked out: what to reconcile, where, with which credentials.</summary>
public sealed record ValidatedRun(DesiredState Desired, Uri ApiUrl, Credentials Keys, int Concurrency);
