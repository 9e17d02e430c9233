pub mod faulty_store;
