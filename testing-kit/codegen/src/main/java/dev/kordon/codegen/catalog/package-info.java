/**
 * The workload catalog: {@link dev.kordon.codegen.catalog.Catalog} turns workload manifests into a typed class of
 * {@link dev.kordon.dsl.Workload} constants, one request record and one call.
 */
package dev.kordon.codegen.catalog;
