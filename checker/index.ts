/**
 * Interleave's public API (the package's "." export): declare a spec (configuration keys, variants, the model
 * and its properties), build actor systems as models, pair them with TLA+, and check them.
 */
export { defineSpec, intKey, choiceKey, patternKey, resolveConfig } from "./spec.ts";
export type { Spec, Variant, Instance, TlaPairing, ConfigKey, ConfigOf, Config, Keys, Settings, Value } from "./spec.ts";
export { check, runSpec, exitCodeOf } from "./run.ts";
export type { CheckOptions, Run } from "./run.ts";
export type { ResultDocument } from "./report.ts";
export { formatReport, formatTrace } from "./report-text.ts";
export { UsageError, ConfigError, SpecError, isUsageError } from "./errors.ts";

export { actorModel, networks } from "./actors/system.ts";
export type { ActorModel, ActorModelOptions, InFlight, MessageOf, Network, RoleStates, SystemAction, SystemState } from "./actors/system.ts";
export type { Envelope } from "./actors/network.ts";
export type { Actor, HistoryEvent, Id, Operation, Out, Roles, StateOf } from "../src/actor/index.ts";
export type { Model, FairnessLevel, FairnessLevels, StatePredicate } from "./model.ts";

export { always, sometimes, eventually, leadsTo, noDeadlock, terminates, linearizable, twinOf } from "./props/property.ts";
export type { Property, PropertyKind, PropertyOptions, TlaTwin } from "./props/property.ts";
export { register, casRegister } from "./props/sequential.ts";
export type { SequentialSpec } from "./props/sequential.ts";
export { isLinearizable } from "./props/linearizability.ts";
export { parseRegisterScripts, registerOpsKey, registerScripts } from "./register-scripts.ts";

export { tlaBag, tlaHistory, tlaMessage, tlaRecordWithSets, tlaRole, tlaScripts } from "./actors/tla.ts";
export { plainToTla, nil } from "./tlc/plain.ts";
export { tlaFunction, tlaRecord, tlaSeq, tlaSet, modelValue, print as printTla } from "./tlc/value.ts";
export type { TlaValue } from "./tlc/value.ts";
