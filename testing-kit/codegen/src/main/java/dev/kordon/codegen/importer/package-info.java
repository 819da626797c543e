/**
 * The import: {@link dev.kordon.codegen.importer.Importer} turns existing policy YAML into DSL source, one
 * {@code PolicySetProvider} per policy set, and reports what it could not express; one request record and one call.
 * Each policy family is one {@code PolicyImport} and one line in the importer's list.
 */
package dev.kordon.codegen.importer;
