/**
 * Java source generated from Kubernetes manifests with JavaPoet: what the catalog and the import share (the
 * generated file, the identifier rules, DSL values written as DSL calls).
 */
package dev.kordon.codegen;
