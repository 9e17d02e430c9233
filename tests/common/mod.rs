pub mod fault_proxy;
pub mod faulty_store;
