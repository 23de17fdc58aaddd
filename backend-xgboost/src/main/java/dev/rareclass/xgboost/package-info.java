/**
 * The XGBoost backend: {@code gradient-boosting@xgboost}, XGBoost's gradient-boosted trees through the Java API of
 * its JVM package ({@code ml.dmlc.xgboost4j.java}, no Scala), and a codec that stores the booster in XGBoost's own
 * UBJSON format; wired by {@link dev.rareclass.xgboost.XgboostModule}. The native library is loaded only when an
 * xgboost model is trained or loaded ({@link dev.rareclass.xgboost.XgboostRuntime}).
 */
package dev.rareclass.xgboost;
