#define BOOST_TEST_MODULE electsec
#include <boost/test/unit_test.hpp>
